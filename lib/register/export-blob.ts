/**
 * The full JSON backup as a Blob built from many small strings: the same bytes as
 * `backupToJson(await exportBackup(db, now))`, without one string of the whole register (at
 * 10,000 grants and 100,000 events that string is over 100 MB, and copying it into a Blob cost
 * as much again as writing it).
 */
import type { Backup } from './backup';
import type { RegisterDb } from './db';
import type { PhaseMark } from './export';
import { exportBackup } from './export';

/** Rows per piece of text: small enough to keep each string short, large enough to be few. */
const ROWS_PER_PART = 2000;

/** The JSON text of a backup, in pieces whose concatenation is `JSON.stringify(backup)`. */
export function backupJsonParts(backup: Backup): string[] {
  const { tables, ...head } = backup;
  const opening = JSON.stringify(head);
  const parts = [`${opening.slice(0, -1)}${opening.length > 2 ? ',' : ''}"tables":{`];
  Object.entries(tables).forEach(([name, rows]: [string, readonly unknown[]], t) => {
    parts.push(`${t > 0 ? ',' : ''}${JSON.stringify(name)}:[`);
    for (let start = 0; start < rows.length; start += ROWS_PER_PART) {
      const chunk = JSON.stringify(rows.slice(start, start + ROWS_PER_PART));
      parts.push(`${start > 0 ? ',' : ''}${chunk.slice(1, -1)}`);
    }
    parts.push(']');
  });
  parts.push('}}');
  return parts;
}

/**
 * The text's parts as UTF-8 bytes, for the Blob. A Blob built from strings encodes each into a
 * buffer of its own and copies that; built from bytes it copies them once. `encodeInto` writes
 * straight into a buffer given (`encode` makes and copies one of its own: slower, measured).
 * Most of the register's text is ASCII, one byte a character, so each part goes into a buffer
 * of one byte per character; what does not fit (text with other characters) goes into a second
 * one of three bytes per UTF-16 unit left, the most UTF-8 needs.
 */
export function utf8Parts(parts: readonly string[]): Uint8Array<ArrayBuffer>[] {
  const encoder = new TextEncoder();
  const out: Uint8Array<ArrayBuffer>[] = [];
  for (const part of parts) {
    const ascii = new Uint8Array(part.length);
    const { read, written } = encoder.encodeInto(part, ascii);
    out.push(ascii.subarray(0, written));
    if (read < part.length) {
      // `read` never splits a surrogate pair, so the rest starts at a whole character.
      const rest = part.slice(read);
      const wide = new Uint8Array(rest.length * 3);
      out.push(wide.subarray(0, encoder.encodeInto(rest, wide).written));
    }
  }
  return out;
}

/**
 * Every table, read in one transaction, as the `.json` backup file's Blob. `mark` is told as
 * each phase ends: `read`, `sorted and anchored`, `text`, `utf-8`, `blob`.
 */
export async function exportBackupBlob(
  db: RegisterDb,
  now: Date,
  mark: PhaseMark = () => {},
): Promise<Blob> {
  const parts = backupJsonParts(await exportBackup(db, now, mark));
  mark('text');
  const bytes = utf8Parts(parts);
  mark('utf-8');
  const blob = new Blob(bytes, { type: 'application/json' });
  mark('blob');
  return blob;
}
