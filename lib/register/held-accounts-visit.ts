/**
 * Capture from a visited Business Center: its Members table does not say which row is
 * mine, nor whether the Business Center is my own (an advertiser is an Admin member of their own
 * Business Center too). My sign-in emails (identity.ts) find my row; the register says whose
 * Business Center it is; when the register does not know, the user is asked, never guessed for.
 */
import type { RegisterDb } from './db';
import type { WriteContext } from './grants';
import type { HeldCentersReport } from './held-accounts';
import { markBusinessCenterMine, recordHeldBusinessCenters } from './held-accounts';
import type { GrantStatus } from './schema';
import type { HeldQuestion, MembersSeen, MemberStatus, SeenMember } from './held-types';
import { isOneEmail } from '../tiktok/email-text';

/** What seeing a Members page means for the register. */
export type VisitDecision =
  /** None of my emails is in the table (or I have told the extension none). */
  | { outcome: 'notMember' }
  /** The register has this Business Center as mine: its members are the other perspective. */
  | { outcome: 'ownBusinessCenter' }
  /** A client's Business Center: my grant there was recorded or checked. */
  | { outcome: 'recorded'; report: HeldCentersReport }
  /** The register does not know this Business Center: ask whose it is. */
  | { outcome: 'ask'; question: HeldQuestion };

const STATUS: Record<MemberStatus, GrantStatus | null> = {
  active: 'active',
  pending: 'invited',
  suspended: 'suspended',
  expired: 'expired',
  rejected: 'rejected',
  unknown: null,
};

/** Which of two rows of mine tells more (active over pending over the rest). */
const STRENGTH: Record<MemberStatus, number> = {
  active: 5,
  suspended: 4,
  pending: 3,
  unknown: 2,
  expired: 1,
  rejected: 0,
};

/**
 * My row in a Members table: the row whose email is one of mine. When two of my emails are
 * members, the row that gives the most access wins (an active membership over an invitation).
 * The page's text is not trusted to say more than it can: an "email" that is not exactly one
 * address is no one's, and an address of mine on two rows that disagree (one of them has put my
 * address where the page shows theirs) is not taken as mine.
 */
export function findMyRow(
  members: readonly SeenMember[],
  emails: ReadonlySet<string>,
): SeenMember | null {
  const byEmail = new Map<string, SeenMember[]>();
  for (const m of members) {
    const email = m.email.trim().toLowerCase();
    if (!isOneEmail(email) || !emails.has(email)) continue;
    byEmail.set(email, [...(byEmail.get(email) ?? []), m]);
  }
  let best: SeenMember | null = null;
  for (const rows of byEmail.values()) {
    const readings = new Set(
      rows.map((m) => `${m.status}|${m.bcRole ?? ''}|${m.financeRole ?? ''}`),
    );
    if (readings.size > 1) continue;
    const m = rows[0]!;
    if (!best || STRENGTH[m.status] > STRENGTH[best.status]) best = m;
  }
  return best;
}

/** The question to ask about my row, in the register's words. */
export function questionFor(seen: MembersSeen, mine: SeenMember): HeldQuestion {
  return {
    orgId: seen.orgId,
    bcName: (seen.bcName ?? '').trim().slice(0, 500),
    email: mine.email.trim().toLowerCase(),
    bcRole: mine.bcRole ?? null,
    financeRole: mine.financeRole ?? null,
    status: STATUS[mine.status],
  };
}

/** Record my grant in a client's Business Center from a question's reading. */
function recordFrom(db: RegisterDb, q: HeldQuestion, ctx: WriteContext) {
  return recordHeldBusinessCenters(
    db,
    [
      {
        orgId: q.orgId,
        name: q.bcName,
        myEmail: q.email,
        ...(q.bcRole ? { myRole: q.bcRole } : {}),
        ...(q.financeRole ? { myFinanceRole: q.financeRole } : {}),
        myStatus: q.status,
      },
    ],
    ctx,
  );
}

/**
 * Decide what a visited Members page means, and record it where the register already says whose
 * Business Center it is. Idempotent: the same page seen again writes nothing.
 */
export async function decideMembersSeen(
  db: RegisterDb,
  seen: MembersSeen,
  emails: ReadonlySet<string>,
  ctx: WriteContext,
): Promise<VisitDecision> {
  const mine = findMyRow(seen.members, emails);
  if (!mine) return { outcome: 'notMember' };
  const question = questionFor(seen, mine);
  const ownership = await ownershipOf(db, seen.orgId);
  if (ownership === null) return { outcome: 'ask', question };
  if (ownership === 'mine') return { outcome: 'ownBusinessCenter' };
  return { outcome: 'recorded', report: await recordFrom(db, question, ctx) };
}

/** Whose the register says a Business Center is, or null when it does not have it (live). */
export async function ownershipOf(
  db: RegisterDb,
  orgId: string,
): Promise<'mine' | 'client' | null> {
  const acc = await db.accounts
    .where('[kind+externalId]')
    .equals(['businessCenter', orgId])
    .first();
  return acc && acc.deletedAt === null ? acc.ownership : null;
}

/** The user's answer to "is this Business Center yours or a client's?". */
export type HeldAnswer = 'mine' | 'client';

/**
 * Act on the user's answer: `mine` records the Business Center as mine (never asked again);
 * `client` records it as a client account I hold, with my role and status from the page.
 */
export async function answerHeldQuestion(
  db: RegisterDb,
  question: HeldQuestion,
  answer: HeldAnswer,
  ctx: WriteContext,
): Promise<VisitDecision> {
  // Answered in another tab (or recorded by hand) meanwhile: the register's word stands.
  const ownership = await ownershipOf(db, question.orgId);
  if (ownership === 'mine') return { outcome: 'ownBusinessCenter' };
  if (ownership === 'client' || answer === 'client') {
    return { outcome: 'recorded', report: await recordFrom(db, question, ctx) };
  }
  await markBusinessCenterMine(db, { orgId: question.orgId, name: question.bcName }, ctx);
  return { outcome: 'ownBusinessCenter' };
}
