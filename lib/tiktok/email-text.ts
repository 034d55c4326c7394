/**
 * Email addresses in text the page shows. A member's name is whatever that member typed, so a
 * name may look like an address ("me@agency.com") or hold several: such text is a problem to
 * report, never a way to decide whose row it is.
 */

import { TABLE_PROBLEMS as say } from './table-problems';

/** Characters that end an address inside running text (spaces, brackets, quotes, separators). */
const STOP = String.raw`\s@<>()\[\]{},;:"'“”‘’`;
const PIECE = new RegExp(`[^${STOP}]+@[^${STOP}]+\\.[^${STOP}.]+`, 'g');
const WHOLE = new RegExp(`^[^${STOP}]+@[^${STOP}]+\\.[^${STOP}.]+$`);

/** Every email-like piece in a text, as written. */
export function emailPieces(text: string): string[] {
  return text.match(PIECE) ?? [];
}

/** Whether a text is one email address and nothing else. */
export function isOneEmail(text: string): boolean {
  return WHOLE.test(text.trim());
}

const folded = (email: string) => email.trim().toLowerCase();

/** What a cell that shows a name and, maybe, an email (one piece of text each) says. */
export type NameAndEmail =
  | { name: string; email?: string; problem?: undefined }
  | { name: string; email?: undefined; problem: string };

/**
 * Read the name and email from the text pieces of one cell that shows both (some layouts put the
 * email under the name). One email-like piece that is a piece of its own is the email; more than
 * one (whichever is the name) cannot be told apart, so no email is taken and it is a problem.
 */
export function readNameAndEmail(segments: readonly string[]): NameAndEmail {
  const pieces = new Set(segments.flatMap(emailPieces).map(folded));
  const all = segments.join(' ');
  if (pieces.size > 1) {
    return {
      name: all,
      problem: say.cellEmails(all),
    };
  }
  const email = segments.find(isOneEmail);
  if (!email) return { name: all };
  return {
    name: segments
      .filter((s) => s !== email && folded(s) !== folded(email))
      .join(' ')
      .trim(),
    email: email.trim(),
  };
}

/**
 * Why a row's name cannot be trusted beside its email, or null: a name that holds an email-like
 * piece other than the row's email (or several) would pass for someone else's row.
 */
export function nameEmailProblem(name: string, email: string | undefined): string | null {
  const pieces = new Set(emailPieces(name).map(folded));
  if (pieces.size === 0) return null;
  if (pieces.size > 1) return say.nameEmails(name);
  if (email && pieces.has(folded(email))) return null;
  return say.nameOtherEmail(name, email ?? '');
}
