import { afterEach, describe, expect, it } from 'vitest';
import { findMyRow } from '@/lib/register/held-accounts-visit';
import { readAccessTable } from '@/lib/tiktok';
import {
  emailPieces,
  isOneEmail,
  nameEmailProblem,
  readNameAndEmail,
} from '@/lib/tiktok/email-text';
import { readMembersReport } from '../helpers/members-report';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

/** The user: an agency account manager, a Standard member of the client's Business Center. */
const ME = 'dana@brightlane-agency.com';
/** Another member (suspended, with a finance role), who picks their own display name. */
const OTHER = 'mallory@example.net';

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

/** The Members replica's body rows, each as its cells. */
function memberRows(doc: Document): Element[][] {
  return Array.from(doc.querySelectorAll('main tbody tr, main [role=row]'))
    .map((r) => Array.from(r.querySelectorAll(':scope > td, :scope > [role=gridcell]')))
    .filter((cells) => cells.length > 0);
}

function rowOf(doc: Document, email: string): Element[] {
  const row = memberRows(doc).find((cells) => cells.some((c) => c.textContent?.includes(email)));
  if (!row) throw new Error(`no row for ${email}`);
  return row;
}

/** The member who owns `email` renames themselves `name` (TikTok shows what they typed). */
function rename(doc: Document, email: string, name: string): void {
  const cell = rowOf(doc, email)[0]!;
  const label = cell.querySelector('.member-user-cell-name') ?? cell;
  label.textContent = name;
}

/** The layout that shows each email under the name, in the name's cell (no Email column). */
function emailUnderName(doc: Document): void {
  const headers = Array.from(doc.querySelectorAll('main th, main [role=columnheader]'));
  const at = headers.findIndex((h) => h.textContent?.trim() === 'Email');
  expect(at).toBeGreaterThan(0);
  headers[at]!.remove();
  for (const cells of memberRows(doc)) {
    const email = cells[at]!.textContent?.trim() ?? '';
    cells[at]!.remove();
    const under = doc.createElement('div');
    under.textContent = email;
    cells[0]!.append(under);
  }
}

describe('email-like text in names', () => {
  it('finds every email-like piece, wherever it sits in running text', () => {
    expect(emailPieces('Dana (dana@brightlane-agency.com), ex boss@agency.com.')).toEqual([
      'dana@brightlane-agency.com',
      'boss@agency.com',
    ]);
    expect(emailPieces('Riley Chen')).toEqual([]);
    expect(isOneEmail(' me@agency.com ')).toBe(true);
    expect(isOneEmail('me@agency.com you@agency.com')).toBe(false);
    expect(isOneEmail('Me <me@agency.com>')).toBe(false);
  });

  it('reads a name-and-email cell only when it holds one address', () => {
    expect(readNameAndEmail(['Riley Chen', 'riley@x.com'])).toEqual({
      name: 'Riley Chen',
      email: 'riley@x.com',
    });
    expect(readNameAndEmail(['riley@x.com'])).toEqual({ name: '', email: 'riley@x.com' });
    expect(readNameAndEmail(['Riley Chen'])).toEqual({ name: 'Riley Chen' });
    // The member's own name is an address too: which one is the email cannot be told.
    const both = readNameAndEmail(['me@agency.com', 'them@x.com']);
    expect(both).not.toHaveProperty('email');
    expect(both.problem).toContain('more than one email address');
    expect(readNameAndEmail(['Me me@agency.com, them@x.com'])).toHaveProperty('problem');
  });

  it('doubts a name that holds another address than the row’s, or several', () => {
    expect(nameEmailProblem('Riley Chen', 'riley@x.com')).toBeNull();
    expect(nameEmailProblem('riley@x.com', 'RILEY@x.com')).toBeNull();
    expect(nameEmailProblem('me@agency.com', 'them@x.com')).toContain('other than the row');
    expect(nameEmailProblem('a@x.com b@x.com', 'a@x.com')).toContain('more than one');
  });
});

describe('a member who names themselves after me', () => {
  it('with an Email column: the row is a problem, read without an email, and mine stays mine', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    rename(dom.document, OTHER, ME);
    const reading = readAccessTable(dom.document);
    expect(reading.complete).toBe(false);
    expect(reading.problems.join('\n')).toContain(`"${ME}" looks like an email address other`);
    const impostor = reading.rows.filter((r) => r.name === ME);
    expect(impostor).toEqual([expect.not.objectContaining({ email: expect.anything() })]);
    const report = readMembersReport(new URL(REPLICA_URLS.bcMembers), dom.document)!;
    expect(findMyRow(report.members, new Set([ME]))).toMatchObject({
      email: ME,
      status: 'active',
      bcRole: 'standard',
    });
  });

  it('with the email under the name: their row is not taken as mine', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    emailUnderName(dom.document);
    // Before: the layout is read, each member with their own email.
    const before = readMembersReport(new URL(REPLICA_URLS.bcMembers), dom.document)!;
    expect(before.members.map((m) => m.email)).toContain(OTHER);
    // My own row is elsewhere (another page of the table): the impostor's must not stand in.
    const mine = rowOf(dom.document, ME);
    mine[0]!.closest('tr, [role=row]')!.remove();
    rename(dom.document, OTHER, ME);
    const reading = readAccessTable(dom.document);
    expect(reading.problems.join('\n')).toContain('holds more than one email address');
    const report = readMembersReport(new URL(REPLICA_URLS.bcMembers), dom.document)!;
    expect(report.members.map((m) => m.email)).not.toContain(ME);
    expect(report.members.map((m) => m.email)).not.toContain(OTHER);
    expect(findMyRow(report.members, new Set([ME]))).toBeNull();
  });
});

describe('findMyRow trusts no page text that says more than it can', () => {
  it('skips an "email" that is not one address', () => {
    expect(
      findMyRow([{ email: `${ME} ${OTHER}`, status: 'active', bcRole: 'admin' }], new Set([ME])),
    ).toBeNull();
  });

  it('takes no row when two rows carry my address and disagree', () => {
    const rows = [
      { email: ME, status: 'active' as const, bcRole: 'standard' as const },
      { email: ME.toUpperCase(), status: 'active' as const, bcRole: 'admin' as const },
    ];
    expect(findMyRow(rows, new Set([ME]))).toBeNull();
    expect(findMyRow([rows[0]!, { ...rows[0]! }], new Set([ME]))).toEqual(rows[0]);
  });
});
