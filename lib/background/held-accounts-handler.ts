/**
 * The background's side of the reports of client accounts I hold: the picker's list, from the
 * watcher (`watcher:businessCentersSeen`, with the popup's question about the Business Centers
 * the register does not know) and a visited Business Center's Members rows, from the companion
 * frame (`companion:membersSeen`, with the popup's question when the register does not know whose
 * it is). What was read from the page is untrusted text: checked with zod first.
 */
import { defaultReviewCadence } from '../settings';
import type { z } from 'zod';
import {
  businessCentersSeenRequest,
  heldAnswerRequest,
  heldPickerAnswerRequest,
  membersSeenRequest,
} from '../messaging/held-accounts';
import type { ProtocolMap } from '../messaging/protocol';
import { registerDb } from '../register/db';
import type { RegisterDb } from '../register/db';
import { answerPickerCenter, decidePickerSeen } from '../register/held-accounts-picker';
import type { HeldQuestion, PickerCenter } from '../register/held-types';
import {
  answerHeldQuestion,
  decideMembersSeen,
  ownershipOf,
} from '../register/held-accounts-visit';
import { myEmails } from '../register/identity';
import {
  dismissHeldQuestion,
  isHeldQuestionDismissed,
  loadHeldQuestion,
  loadPickerQuestion,
  saveHeldQuestion,
  savePickerQuestion,
} from './tab-context';

type Seen = Parameters<ProtocolMap['watcher:businessCentersSeen']>[0];
type Reply = ReturnType<ProtocolMap['watcher:businessCentersSeen']>;

/**
 * Validate the watcher's list, record what the register already knows (client accounts kept up
 * to date, mine left alone) and keep the unknown ones as the popup's question for this tab.
 */
export async function handleBusinessCentersSeen(
  data: Seen,
  tabId: number | undefined,
  now: Date,
  db: RegisterDb = registerDb(),
): Promise<Reply> {
  const parsed = businessCentersSeenRequest.safeParse(data);
  if (!parsed.success) {
    return {
      error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  }
  const decision = await decidePickerSeen(db, parsed.data.centers, {
    source: 'page',
    now,
    defaultCadenceDays: await defaultReviewCadence(),
  });
  const ask: PickerCenter[] = [];
  for (const center of decision.ask) {
    if (!(await isHeldQuestionDismissed(center.orgId))) ask.push(center);
  }
  if (tabId !== undefined) await savePickerQuestion(tabId, ask);
  const { report } = decision;
  return {
    created: report.created.length,
    updated: report.updated.length,
    unchanged: report.unchanged.length,
    // My own Business Centers count as conflicts, as recordHeldBusinessCenters reports them.
    conflicts: report.conflicts.length + decision.mine.length,
    asked: ask.length,
  };
}

/**
 * The picker's question for the popup on this tab: the Business Centers still unknown (one
 * answered in another tab meanwhile is dropped rather than asked again).
 */
export async function pickerQuestionFor(
  tabId: number,
  db: RegisterDb = registerDb(),
): Promise<PickerCenter[]> {
  const stored = await loadPickerQuestion(tabId);
  const left: PickerCenter[] = [];
  for (const center of stored) {
    if ((await ownershipOf(db, center.orgId)) === null) left.push(center);
  }
  if (left.length !== stored.length) await savePickerQuestion(tabId, left);
  return left;
}

type PickerAnswerData = Parameters<ProtocolMap['popup:answerHeldPicker']>[0];
type PickerAnswerReply = ReturnType<ProtocolMap['popup:answerHeldPicker']>;

/**
 * The popup's answers about the picker's Business Centers: each recorded as mine or as a
 * client's, or put off for the session; the ones not answered stay asked.
 */
export async function handlePickerAnswer(
  data: PickerAnswerData,
  now: Date,
  db: RegisterDb = registerDb(),
): Promise<PickerAnswerReply> {
  const parsed = heldPickerAnswerRequest.safeParse(data);
  if (!parsed.success) return { error: issues(parsed.error) };
  const { tabId, answers } = parsed.data;
  const asked = await loadPickerQuestion(tabId);
  const byId = new Map(asked.map((c) => [c.orgId, c]));
  const unknown = answers.filter((a) => !byId.has(a.orgId));
  if (unknown.length) {
    return {
      error: `Not asked on this tab: ${unknown.map((a) => a.orgId).join(', ')}.`,
    };
  }
  const ctx = { source: 'page' as const, now, defaultCadenceDays: await defaultReviewCadence() };
  const counts = { mine: 0, clients: 0, dismissed: 0 };
  const done = new Set<string>();
  for (const { orgId, answer } of answers) {
    if (done.has(orgId)) continue;
    done.add(orgId);
    if (answer === 'dismiss') {
      await dismissHeldQuestion(orgId);
      counts.dismissed += 1;
      continue;
    }
    const center = byId.get(orgId) as PickerCenter;
    if ((await answerPickerCenter(db, center, answer, ctx)) === 'mine') counts.mine += 1;
    else counts.clients += 1;
  }
  const left = asked.filter((c) => !done.has(c.orgId));
  await savePickerQuestion(tabId, left);
  return { ...counts, left };
}

// ── Capture from a visited Business Center's Members page ──

/** What the frame reported, with the page and Business Center of its tab (the sender's). */
type MembersSeenData = Parameters<ProtocolMap['companion:membersSeen']>[0] & {
  url: string;
  orgId: string;
};
type MembersSeenReply = ReturnType<ProtocolMap['companion:membersSeen']>;

const issues = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

/**
 * The background's side of `companion:membersSeen`: check the rows the frame read (untrusted
 * page text), find mine by my sign-in emails, and record, ignore or keep a question for the
 * popup opened on this tab (held-accounts-visit.ts decides which).
 */
export async function handleMembersSeen(
  data: MembersSeenData,
  tabId: number | undefined,
  now: Date,
  db: RegisterDb = registerDb(),
): Promise<MembersSeenReply> {
  const parsed = membersSeenRequest.safeParse(data);
  if (!parsed.success) return { error: issues(parsed.error) };
  const decision = await decideMembersSeen(db, parsed.data, await myEmails(db), {
    source: 'page',
    now,
    defaultCadenceDays: await defaultReviewCadence(),
  });
  const previous = tabId === undefined ? null : await loadHeldQuestion(tabId);
  if (decision.outcome !== 'ask') {
    // Settled meanwhile (answered in another tab, recorded by hand): stop asking here. (Not
    // for 'notMember': my row may just be on another page of the table.)
    if (
      tabId !== undefined &&
      decision.outcome !== 'notMember' &&
      previous?.orgId === parsed.data.orgId
    ) {
      await saveHeldQuestion(tabId, null);
    }
    return { outcome: decision.outcome };
  }
  if (await isHeldQuestionDismissed(parsed.data.orgId)) return { outcome: 'dismissed' };
  if (tabId !== undefined) await saveHeldQuestion(tabId, decision.question);
  return { outcome: 'asked' };
}

/**
 * The popup's question for its tab, or null. A question the register has settled meanwhile
 * (answered in another tab) is dropped rather than asked again.
 */
export async function heldQuestionFor(
  tabId: number,
  db: RegisterDb = registerDb(),
): Promise<HeldQuestion | null> {
  const question = await loadHeldQuestion(tabId);
  if (!question) return null;
  if ((await ownershipOf(db, question.orgId)) !== null) {
    await saveHeldQuestion(tabId, null);
    return null;
  }
  return question;
}

type AnswerData = Parameters<ProtocolMap['popup:answerHeldQuestion']>[0];
type AnswerReply = ReturnType<ProtocolMap['popup:answerHeldQuestion']>;

/** The popup's answer: record the Business Center as mine or as a client's, or put it off. */
export async function handleHeldAnswer(
  data: AnswerData,
  now: Date,
  db: RegisterDb = registerDb(),
): Promise<AnswerReply> {
  const parsed = heldAnswerRequest.safeParse(data);
  if (!parsed.success) return { error: issues(parsed.error) };
  const { tabId, orgId, answer } = parsed.data;
  const question = await loadHeldQuestion(tabId);
  if (!question || question.orgId !== orgId)
    return { error: 'No question about this Business Center on this tab.' };
  await saveHeldQuestion(tabId, null);
  if (answer === 'dismiss') {
    await dismissHeldQuestion(orgId);
    return { outcome: 'dismissed' };
  }
  const decision = await answerHeldQuestion(db, question, answer, {
    source: 'page',
    now,
    defaultCadenceDays: await defaultReviewCadence(),
  });
  if (decision.outcome === 'recorded') {
    const grantId = await myGrantIn(db, orgId);
    return { outcome: 'recorded', grantId };
  }
  return { outcome: decision.outcome };
}

/** The id of my live grant in a Business Center, for the popup's link to it. */
async function myGrantIn(db: RegisterDb, orgId: string): Promise<string | null> {
  const acc = await db.accounts
    .where('[kind+externalId]')
    .equals(['businessCenter', orgId])
    .first();
  if (!acc) return null;
  const me = new Set(
    (await db.parties.filter((p) => p.isMe && p.deletedAt === null).toArray()).map((p) => p.id),
  );
  const grants = await db.grants.where('accountId').equals(acc.id).toArray();
  return grants.find((g) => g.deletedAt === null && me.has(g.partyId))?.id ?? null;
}
