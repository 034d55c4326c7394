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
 * Every table, read in one transaction, as the `.json` backup file's Blob. `mark` is told as
 * each phase ends: `read`, `sorted and anchored`, `transaction ended`, `text`, `blob`.
 */
export async function exportBackupBlob(
  db: RegisterDb,
  now: Date,
  mark: PhaseMark = () => {},
): Promise<Blob> {
  const parts = backupJsonParts(await exportBackup(db, now, mark));
  mark('text');
  const blob = new Blob(parts, { type: 'application/json' });
  mark('blob');
  return blob;
}
