/**
 * What a run learns from the page besides which steps are done: the emails, roles, accounts and
 * BC ID the user enters, whom a removal or a permission change is about, and the table's rows
 * to see a row leave or arrive. Plain data, kept with the progress across reloads; the register
 * records it once the flow is finished. Gathered from the reading alone (the page agent reads
 * the dialogs' choices and words into it: lib/tiktok/page-facts.ts), never from the page's DOM.
 */
import { fold } from '../tiktok/dom';
import { tableReadable } from '../tiktok/flow';
import type { AccessRow } from '../tiktok/read-table';
import { sameParty } from '../tiktok/read-table';
import { listedKeys } from './shared';
import type { Checklist, FlowFacts, FlowSubject, Observation } from './types';

function subjectOf(row: AccessRow): FlowSubject {
  return {
    name: row.name,
    ...(row.email ? { email: row.email } : {}),
    ...(row.partnerBcId ? { partnerBcId: row.partnerBcId } : {}),
    ...(row.bcRole ? { bcRole: row.bcRole } : {}),
    ...(row.assetRole ? { assetRole: row.assetRole } : {}),
  };
}

/** The row of `rows` a removal dialog's words name (by email first, else by the longest name). */
function namedRow(text: string, rows: readonly AccessRow[]): AccessRow | null {
  const words = fold(text);
  const byEmail = rows.find((r) => r.email && words.includes(fold(r.email)));
  if (byEmail) return byEmail;
  const named = rows
    .filter((r) => r.name.trim().length >= 2 && words.includes(fold(r.name)))
    .sort((a, b) => b.name.length - a.name.length);
  return named[0] ?? null;
}

/**
 * Whom a removal is about: the dialog's first line when it is a name or email the table shows,
 * else the row whose email (or name) the dialog's words mention.
 */
function removalRow(obs: Observation): AccessRow | null {
  const removal = obs.page.removal;
  if (!removal) return null;
  const named = removal.named;
  const exact = named ? obs.table.rows.find((r) => r.name === named || r.email === named) : null;
  return exact ?? namedRow(removal.text, obs.table.rows);
}

/**
 * On a flow that removes someone, with nobody named: the one row of the last reading that has
 * left the table, while the rest of it stays (the same page of the table, not another page or
 * a filter), on a table that is complete or while a removal was under way. Else null.
 */
function rowThatLeft(obs: Observation, facts: FlowFacts): AccessRow | null {
  const last = facts.lastTable;
  if (!last || last.kind !== obs.pageKind || !tableReadable(obs.table)) return null;
  const gone = last.rows.filter((r) => !obs.table.rows.some((n) => sameParty(n, r)));
  if (gone.length !== 1 || last.rows.length - gone.length < 1) return null;
  return obs.table.complete || facts.removalSeen ? gone[0]! : null;
}

/** Read, from the page, the facts a flow gathers (only ever adds or refines). */
export function gatherFacts(
  obs: Observation,
  facts: FlowFacts,
  removes?: Checklist['removes'],
): FlowFacts {
  const next: FlowFacts = { ...facts };
  if (obs.flow.emails.length > 0) next.emails = obs.flow.emails.map((e) => e.toLowerCase());
  if (obs.flow.bcRole) next.bcRole = obs.flow.bcRole;
  const { partnerBcId, accounts, assigned } = obs.page;
  if (partnerBcId) next.partnerBcId = partnerBcId;
  if (accounts.length > 0) next.accounts = accounts;
  if (assigned) next.assigned = assigned;
  // Whom a removal is about: the name or email the confirmation names, matched to the table;
  // or, when no dialog names them, the one row that leaves the table during the removal.
  // (A person pre-selected by a reminder is replaced by whom the user actually removes.)
  if (removes && !next.baseline) {
    const row = removalRow(obs);
    const left = row ? null : rowThatLeft(obs, next);
    if (row) {
      next.subject = subjectOf(row);
      next.baseline = obs.table.rows;
      next.baselineKind = obs.pageKind;
    } else if (left) {
      next.subject = subjectOf(left);
      next.baseline = next.lastTable!.rows;
      next.baselineKind = obs.pageKind;
    }
  }
  // Whom the table listed when the user first named whom they add (read once, from a table).
  const adding = (next.emails?.length ?? 0) > 0 || next.partnerBcId !== undefined;
  if (adding && next.listedBefore === undefined && tableReadable(obs.table))
    next.listedBefore = listedKeys(obs.table);
  if (removes) {
    if (!next.removalSeen && (obs.flow.removeConfirmation || obs.flow.confirmationCodeStep))
      next.removalSeen = true;
    if (next.baseline) delete next.lastTable;
    else if (tableReadable(obs.table))
      next.lastTable = { kind: obs.pageKind, rows: obs.table.rows };
  }
  // Whose permission the Edit permission dialog changes, and to what.
  const edit = obs.page.permissionEdit;
  if (edit) {
    const who = { name: edit.who, ...(edit.email ? { email: edit.email } : {}) };
    const row = obs.table.rows.find((r) => sameParty(r, who));
    const same = next.subject !== undefined && sameParty(next.subject, who);
    if (!same) {
      // Someone else than before (or than the reminder named): start over with them.
      next.subject = row ? subjectOf(row) : who;
      delete next.assigned;
    } else if (next.subject?.assetRole === undefined && row) {
      // The person a reminder named: their permission as the table shows it before the change.
      next.subject = { ...next.subject, ...subjectOf(row) };
    }
    if (edit.role && edit.role !== next.subject?.assetRole)
      next.assigned = { who: edit.who, role: edit.role };
    else if (edit.role) delete next.assigned;
  }
  return next;
}
