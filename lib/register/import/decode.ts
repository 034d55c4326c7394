/**
 * From a file's bytes to text the parsers can trust: the encoding is UTF-8 or a UTF-16 with a
 * byte-order mark, and text that was decoded wrongly elsewhere is refused, not imported garbled.
 */
import type { ImportIssue } from './problems';

/** The largest file an import reads (a 10,000-grant CSV is about 3 MB). */
export const MAX_IMPORT_CHARS = 50_000_000;

/** Raised by {@link decodeImportBytes} for a file that is not text we can read. */
export class ImportEncodingError extends Error {
  override name = 'ImportEncodingError';
}

/**
 * Bytes of a file to text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Anything else
 * (e.g. Windows-1252 from an old spreadsheet) is refused rather than imported garbled.
 */
export function decodeImportBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_IMPORT_CHARS * 2) {
    throw new ImportEncodingError('The file is too large to import (more than 100 MB).');
  }
  const [b0, b1] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // TextDecoder drops a UTF-8 BOM itself (ignoreBOM defaults to false).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportEncodingError(
      'The file is not UTF-8 text. Save it as “CSV UTF-8” (or export it again) and import that.',
    );
  }
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The text to parse, without a leading BOM, or the one problem that stops it from being read:
 * too large, NUL characters (UTF-16 without a BOM), replacement characters (decoded with the
 * wrong encoding before it reached us), or nothing at all.
 */
export function checkText(text: string): { body: string } | { problem: ImportIssue } {
  if (text.length > MAX_IMPORT_CHARS) {
    return {
      problem: {
        line: null,
        message: `The file is too large (${text.length} characters; at most ${MAX_IMPORT_CHARS}).`,
      },
    };
  }
  // A BOM left by an editor or spreadsheet is not part of the first column's name.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const nul = body.indexOf('\u0000');
  if (nul >= 0) {
    return {
      problem: {
        line: lineAt(body, nul),
        message:
          'The file holds NUL characters: it is not UTF-8 text (UTF-16 without a byte-order mark?). Save it as UTF-8.',
      },
    };
  }
  const garbled = body.indexOf('\uFFFD');
  if (garbled >= 0) {
    return {
      problem: {
        line: lineAt(body, garbled),
        message:
          'The file was not read as UTF-8 (it contains “�” replacement characters). Save it as UTF-8 and import it again.',
      },
    };
  }
  if (body.trim() === '') return { problem: { line: null, message: 'The file is empty.' } };
  return { body };
}
