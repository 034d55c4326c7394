/**
 * The troubleshoot checklist's view of one person: whom it may be about (the Members table's
 * pending invitations and the register's invited people in this Business Center), and for the
 * one chosen, the email as TikTok's page shows it next to the register's, likely typos, and
 * their status on the page (pending vs active) and in the register. Pure, tested without a
 * browser; the runner computes it after each reading of the page.
 */
import type { RegisterRowView } from '../messaging/companion';
import type { AccessRow, Advice } from '../tiktok';
import type { FlowSubject } from '../checklists';
import { editDistance, emailAdvice, sameParty } from '../tiktok';
import { fold } from '../tiktok/dom';

/** One person the user may pick. */
export interface PersonChoice {
  key: string;
  /** Name and email as text (rendered as text, never HTML). */
  label: string;
  from: 'page' | 'register';
  subject: FlowSubject;
}

/** What the page and the register say about the chosen person. */
export interface PersonDiagnosis {
  name: string;
  /** The address TikTok's Members table shows (where the invitation went); null: not on it. */
  pageEmail: string | null;
  registerEmail: string | null;
  /** Both known and not the same address. */
  emailsDiffer: boolean;
  /** Format and likely-typo checks of the addresses. */
  emailNotes: Advice[];
  pageStatus: AccessRow['status'] | null;
  registerStatus: RegisterRowView['status'] | null;
}

/** The troubleshoot card's content. */
export interface TroubleshootView {
  choices: PersonChoice[];
  chosenKey: string | null;
  diagnosis: PersonDiagnosis | null;
}

const WAITING: ReadonlyArray<AccessRow['status']> = ['pending', 'expired'];

const lower = (e: string | null | undefined) => (e ? e.trim().toLowerCase() : null);

/** Whether two addresses are probably one person's, one of them mistyped. */
function nearEmail(a: string, b: string): boolean {
  if (a === b) return true;
  const [la, da] = [a.slice(0, a.lastIndexOf('@')), a.slice(a.lastIndexOf('@') + 1)];
  const [lb, db] = [b.slice(0, b.lastIndexOf('@')), b.slice(b.lastIndexOf('@') + 1)];
  if (la === lb && editDistance(da, db) <= 2) return true;
  return da === db && la.length > 3 && editDistance(la, lb) <= 1;
}

const sameName = (a: string, b: string) => a.trim() !== '' && fold(a) === fold(b);

/** The register's person for a page row: same email, else same name, else a near email. */
function registerFor(
  who: { name: string; email?: string | null },
  register: readonly RegisterRowView[],
): RegisterRowView | null {
  const people = register
    .filter((r) => r.partyKind === 'person')
    // An open invitation first, then whatever else the register holds about them.
    .sort((x, y) => Number(y.status === 'invited') - Number(x.status === 'invited'));
  const email = lower(who.email);
  return (
    (email ? people.find((r) => r.email === email) : undefined) ??
    people.find((r) => sameName(r.partyName, who.name)) ??
    (email ? people.find((r) => r.email !== null && nearEmail(r.email, email)) : undefined) ??
    null
  );
}

/** The page's row for a person: same email, else same name, else a near email. */
function rowFor(
  who: { name: string; email?: string | null },
  rows: readonly AccessRow[],
): AccessRow | null {
  const members = rows.filter((r) => r.kind === 'member');
  const email = lower(who.email);
  return (
    (email ? members.find((r) => lower(r.email) === email) : undefined) ??
    members.find((r) => sameName(r.name, who.name)) ??
    (email ? members.find((r) => r.email && nearEmail(lower(r.email)!, email)) : undefined) ??
    null
  );
}

const labelOf = (name: string, email: string | null | undefined) =>
  name && email ? `${name} (${email})` : name || email || '';

/** Whom the troubleshooting may be about: pending on the page, then invited in the register. */
export function personChoices(
  rows: readonly AccessRow[],
  register: readonly RegisterRowView[],
): PersonChoice[] {
  const out: PersonChoice[] = [];
  for (const r of rows) {
    if (r.kind !== 'member' || !WAITING.includes(r.status)) continue;
    out.push({
      key: `page:${lower(r.email) ?? fold(r.name)}`,
      label: labelOf(r.name, r.email),
      from: 'page',
      subject: { name: r.name, ...(r.email ? { email: lower(r.email)! } : {}) },
    });
  }
  const seen = new Set<string>();
  // The register's order is its storage order: sort by name so the list reads the same each time.
  const invited = [...register].sort((a, b) =>
    (a.partyName || a.email || '').localeCompare(b.partyName || b.email || ''),
  );
  for (const g of invited) {
    if (g.partyKind !== 'person' || g.status !== 'invited' || !g.email) continue;
    if (seen.has(g.email)) continue;
    seen.add(g.email);
    // Already offered from the page under the same address.
    if (out.some((c) => c.subject.email === g.email)) continue;
    out.push({
      key: `register:${g.email}`,
      label: labelOf(g.partyName, g.email),
      from: 'register',
      subject: { name: g.partyName, email: g.email },
    });
  }
  return out;
}

/** What the page and the register say about `who`. */
export function diagnosePerson(
  who: FlowSubject,
  rows: readonly AccessRow[],
  register: readonly RegisterRowView[],
): PersonDiagnosis {
  const row = rowFor(who, rows);
  const known = registerFor(row ? { name: row.name, email: row.email } : who, register);
  const pageEmail = lower(row?.email);
  const registerEmail = known?.email ?? null;
  const emails = [...new Set([pageEmail, registerEmail].filter((e): e is string => !!e))];
  const notes = emails.flatMap((e) => emailAdvice(e, [], []));
  return {
    name: row?.name || known?.partyName || who.name,
    pageEmail,
    registerEmail,
    emailsDiffer: pageEmail !== null && registerEmail !== null && pageEmail !== registerEmail,
    emailNotes: notes.filter((n, i) => notes.findIndex((m) => m.text === n.text) === i),
    pageStatus: row?.status ?? null,
    registerStatus: known?.status ?? null,
  };
}

/** The troubleshoot card for the table and register as they are now, and whom the user chose. */
export function troubleshootView(
  rows: readonly AccessRow[],
  register: readonly RegisterRowView[],
  chosen: FlowSubject | undefined,
): TroubleshootView {
  const choices = personChoices(rows, register);
  if (!chosen) return { choices, chosenKey: null, diagnosis: null };
  const match = choices.find((c) => sameParty(c.subject, chosen));
  const all = match ? choices : [...choices, choiceFor(chosen)];
  return {
    choices: all,
    chosenKey: (match ?? all[all.length - 1]!).key,
    diagnosis: diagnosePerson(chosen, rows, register),
  };
}

/** A chosen person no longer among the choices (e.g. accepted meanwhile) stays selectable. */
function choiceFor(who: FlowSubject): PersonChoice {
  return {
    key: `chosen:${who.email ?? fold(who.name)}`,
    label: labelOf(who.name, who.email),
    from: 'page',
    subject: who,
  };
}
