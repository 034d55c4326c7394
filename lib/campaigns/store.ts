// Over 350 lines, one job: the one place campaign rows are written, each write with its checks.
/**
 * The one place campaign rows are written. Every input is checked with zod, every decision by
 * {@link decisionProblems}; a change names the revision it read and bumps it by one (another tab
 * may have decided meanwhile); an item's earlier decisions are kept, never overwritten.
 * Starting a campaign reads the register and writes its snapshot in one transaction, so the
 * snapshot is of one moment.
 */
import { z } from 'zod';
import type { RegisterDb } from '../register/db';
import { dayAfter } from '../register/days';
import type { GrantView } from '../register/queries';
import { listGrantViews } from '../register/queries';
import { newRowFields, revisedRow, snapshotOf } from '../register/rules';
import type {
  Campaign,
  CampaignDecision,
  CampaignItem,
  CampaignKind,
  CampaignScope,
} from '../register/campaign-schema';
import {
  DEFAULT_CAMPAIGN_STALE_INVITATION_DAYS,
  campaign as campaignRow,
  campaignItem as campaignItemRow,
  campaignScope,
  itemAccount,
  itemParty,
  undecidedAtDue,
} from '../register/campaign-schema';
import { calendarDay } from '../register/schema';
import type { DecisionInput, DecisionProblem } from './decisions';
import { decisionInput, decisionProblems } from './decisions';
import type { CarryOutChange } from './carry-out';
import { grantsInScope } from './scope';

/** Raised for a campaign that cannot be started or changed as asked. */
export class CampaignInputError extends Error {
  override name = 'CampaignInputError';
  constructor(
    readonly problem: 'emptyScope' | 'dueInPast' | 'unknownScope' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** Raised when a row changed since it was read (another tab decided, say). */
export class CampaignConflictError extends Error {
  override name = 'CampaignConflictError';
}

/** Raised when a campaign or item is not in the register. */
export class CampaignNotFoundError extends Error {
  override name = 'CampaignNotFoundError';
}

/** Raised for decisions that miss what they need; names each item and what it misses. */
export class DecisionRefusedError extends Error {
  override name = 'DecisionRefusedError';
  constructor(readonly problems: ReadonlyMap<string, readonly DecisionProblem[]>) {
    super(`Not decided: ${[...problems].map(([id, p]) => `${id} (${p.join(', ')})`).join('; ')}`);
  }
}

/** What "Start a review" asks for. */
export const startCampaignInput = z.object({
  scope: campaignScope,
  reviewer: z.string().trim().min(1).max(200),
  dueOn: calendarDay,
  staleInvitationDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(DEFAULT_CAMPAIGN_STALE_INVITATION_DAYS),
  undecidedAtDue: undecidedAtDue.default('undecided'),
});
export type StartCampaignInput = z.input<typeof startCampaignInput>;

/** The scope in words that do not depend on the language: a name, an organisation, or empty. */
function scopeLabelOf(scope: CampaignScope, views: readonly GrantView[]): string | null {
  switch (scope.kind) {
    case 'everything':
    case 'perspective':
      return '';
    case 'organisation':
      return scope.organisation.trim();
    case 'account': {
      const a = views.find((v) => v.account?.id === scope.accountId)?.account;
      return a ? a.name || a.externalId : null;
    }
    case 'party': {
      const p = views.find((v) => v.party?.id === scope.partyId)?.party;
      return p ? p.name || p.email || p.bcId || '' : null;
    }
  }
}

/** The item row for one grant in scope, as it is at the snapshot. */
function itemFor(
  campaignId: string,
  position: number,
  view: GrantView,
  now: string,
  decision: CampaignDecision | null = null,
): CampaignItem {
  return {
    ...newRowFields(now),
    campaignId,
    position,
    grantId: view.grant.id,
    grant: snapshotOf(view.grant),
    account: view.account ? itemAccount.parse(view.account) : null,
    party: view.party ? itemParty.parse(view.party) : null,
    decision,
    earlier: [],
  };
}

/**
 * Start a campaign: freeze every live grant in scope as an item. Refuses an empty scope, a scope
 * naming an account or person the register does not hold, and a due date already past.
 */
export async function startCampaign(
  db: RegisterDb,
  input: StartCampaignInput,
  now: Date,
): Promise<Campaign> {
  return startOfKind(db, input, 'review', null, now);
}

/** What "Offboard" asks for: whom (an organisation or a person), why, who does it and by when. */
export const startOffboardingInput = z.object({
  scope: campaignScope.refine((s) => s.kind === 'organisation' || s.kind === 'party', {
    message: 'An offboarding is of one organisation or one person.',
  }),
  reviewer: z.string().trim().min(1).max(200),
  dueOn: calendarDay,
  reason: z.string().trim().min(1).max(10_000),
});
export type StartOffboardingInput = z.input<typeof startOffboardingInput>;

/**
 * Offboard an agency or a person: everything they hold, across every Business Center and ad
 * account, as one campaign whose every item is decided revoke (with the reason given, by the one
 * who offboards), in the same transaction as the snapshot.
 */
export async function startOffboarding(
  db: RegisterDb,
  input: StartOffboardingInput,
  now: Date,
): Promise<Campaign> {
  const parsed = startOffboardingInput.safeParse(input);
  if (!parsed.success) throw new CampaignInputError('invalid', z.prettifyError(parsed.error));
  const { reason, ...start } = parsed.data;
  const decision: CampaignDecision = {
    kind: 'revoke',
    lowerTo: null,
    handTo: null,
    reason,
    by: start.reviewer,
    at: now.toISOString(),
  };
  return startOfKind(db, start, 'offboarding', decision, now);
}

async function startOfKind(
  db: RegisterDb,
  input: StartCampaignInput,
  kind: CampaignKind,
  decision: CampaignDecision | null,
  now: Date,
): Promise<Campaign> {
  const parsed = startCampaignInput.safeParse(input);
  if (!parsed.success) throw new CampaignInputError('invalid', z.prettifyError(parsed.error));
  const given = parsed.data;
  if (given.dueOn < dayAfter(now, 0)) {
    throw new CampaignInputError('dueInPast', `The due date ${given.dueOn} has passed.`);
  }
  const at = now.toISOString();
  return db.transaction(
    'rw',
    [db.grants, db.accounts, db.parties, db.campaigns, db.campaignItems],
    async () => {
      const views = await listGrantViews(db);
      const scopeLabel = scopeLabelOf(given.scope, views);
      if (scopeLabel === null) {
        throw new CampaignInputError('unknownScope', 'The scope names nothing in the register.');
      }
      const inScope = grantsInScope(views, given.scope);
      if (inScope.length === 0) {
        throw new CampaignInputError('emptyScope', 'No live grant is in this scope.');
      }
      const row = campaignRow.parse({
        ...newRowFields(at),
        ...(kind === 'review' ? {} : { kind }),
        scope: given.scope,
        scopeLabel,
        reviewer: given.reviewer,
        dueOn: given.dueOn,
        startedAt: at,
        staleInvitationDays: given.staleInvitationDays,
        undecidedAtDue: given.undecidedAtDue,
        itemCount: inScope.length,
        closedAt: null,
      });
      await db.campaigns.add(row);
      await db.campaignItems.bulkAdd(inScope.map((v, i) => itemFor(row.id, i, v, at, decision)));
      return row;
    },
  );
}

/** The decision row for a checked input, by the campaign's reviewer, now. */
function decisionRow(
  given: z.output<typeof decisionInput>,
  reviewer: string,
  at: string,
): CampaignDecision {
  return {
    kind: given.kind,
    lowerTo: given.kind === 'lower' ? given.lowerTo : null,
    handTo: given.kind === 'handOff' ? given.handTo : null,
    reason: given.reason,
    by: reviewer,
    at,
  };
}

/**
 * The item with `decision` standing and the one it replaces kept among the earlier ones. What was
 * carried out and verified belongs to the decision replaced, so the new one starts open.
 */
function decided(item: CampaignItem, decision: CampaignDecision, at: string): CampaignItem {
  const carried = item.applied || item.verified || item.contradicted || item.doneOutside;
  return campaignItemRow.parse(
    revisedRow(
      item,
      {
        decision,
        earlier: item.decision ? [...item.earlier, item.decision] : item.earlier,
        ...(carried
          ? { applied: null, verified: null, contradicted: null, doneOutside: null }
          : {}),
      },
      at,
    ),
  );
}

function checkedDecision(input: DecisionInput) {
  const parsed = decisionInput.safeParse(input);
  if (!parsed.success) throw new CampaignInputError('invalid', z.prettifyError(parsed.error));
  return parsed.data;
}

async function openCampaign(db: RegisterDb, campaignId: string): Promise<Campaign> {
  const c = await db.campaigns.get(campaignId);
  if (!c) throw new CampaignNotFoundError(`No campaign ${campaignId}.`);
  if (c.closedAt !== null) throw new CampaignInputError('invalid', 'This campaign is closed.');
  return c;
}

/**
 * Decide one item. `expectedRev` is the item's revision the reviewer saw; a decision replacing
 * another keeps the earlier one in the item's history.
 */
export async function decideItem(
  db: RegisterDb,
  itemId: string,
  expectedRev: number,
  input: DecisionInput,
  now: Date,
): Promise<CampaignItem> {
  const given = checkedDecision(input);
  const at = now.toISOString();
  return db.transaction('rw', [db.campaigns, db.campaignItems], async () => {
    const item = await db.campaignItems.get(itemId);
    if (!item) throw new CampaignNotFoundError(`No campaign item ${itemId}.`);
    if (item.rev !== expectedRev) {
      throw new CampaignConflictError(
        `The item changed since it was read (revision ${item.rev}, not ${expectedRev}).`,
      );
    }
    const c = await openCampaign(db, item.campaignId);
    const problems = decisionProblems(item.grant, given);
    if (problems.length > 0) throw new DecisionRefusedError(new Map([[itemId, problems]]));
    const next = decided(item, decisionRow(given, c.reviewer, at), at);
    await db.campaignItems.put(next);
    return next;
  });
}

/** One item's part of a bulk decision. */
export interface ItemDecisionInput {
  itemId: string;
  input: DecisionInput;
}

/**
 * Decide many items of one campaign at once, all or nothing: when any item cannot take its
 * decision (a lower on a grant already at the lowest role, a keep on Admin without a reason)
 * nothing is written and each such item is named. Each item has its own input, so a bulk lower
 * lowers each grant from its own roles.
 */
export async function decideItems(
  db: RegisterDb,
  campaignId: string,
  decisions: readonly ItemDecisionInput[],
  now: Date,
): Promise<CampaignItem[]> {
  const given = decisions.map((d) => checkedDecision(d.input));
  const at = now.toISOString();
  return db.transaction('rw', [db.campaigns, db.campaignItems], async () => {
    const c = await openCampaign(db, campaignId);
    const items = await db.campaignItems.bulkGet(decisions.map((d) => d.itemId));
    const refused = new Map<string, DecisionProblem[]>();
    const next: CampaignItem[] = [];
    items.forEach((item, i) => {
      if (!item || item.campaignId !== campaignId) {
        throw new CampaignNotFoundError(
          `No item ${decisions[i]!.itemId} in campaign ${campaignId}.`,
        );
      }
      const problems = decisionProblems(item.grant, given[i]!);
      if (problems.length > 0) refused.set(item.id, problems);
      else next.push(decided(item, decisionRow(given[i]!, c.reviewer, at), at));
    });
    if (refused.size > 0) throw new DecisionRefusedError(refused);
    await db.campaignItems.bulkPut(next);
    return next;
  });
}

/** What may change on a running campaign. */
export const campaignSettingsInput = z.object({
  undecidedAtDue: undecidedAtDue.optional(),
  dueOn: calendarDay.optional(),
  reviewer: z.string().trim().min(1).max(200).optional(),
});

/** Change a campaign's due date, reviewer or what becomes of undecided items at the due date. */
export async function updateCampaign(
  db: RegisterDb,
  campaignId: string,
  expectedRev: number,
  patch: z.input<typeof campaignSettingsInput>,
  now: Date,
): Promise<Campaign> {
  const parsed = campaignSettingsInput.safeParse(patch);
  if (!parsed.success) throw new CampaignInputError('invalid', z.prettifyError(parsed.error));
  const at = now.toISOString();
  return db.transaction('rw', db.campaigns, async () => {
    const c = await openCampaign(db, campaignId);
    if (c.rev !== expectedRev) {
      throw new CampaignConflictError(
        `The campaign changed since it was read (revision ${c.rev}).`,
      );
    }
    const clean = Object.fromEntries(
      Object.entries(parsed.data).filter(([, v]) => v !== undefined),
    ) as Partial<Campaign>;
    const next = campaignRow.parse(revisedRow(c, clean, at));
    await db.campaigns.put(next);
    return next;
  });
}

/**
 * Write what a finished checklist or a page reading showed of items (lib/campaigns/carry-out.ts),
 * all or nothing: each change names the revision it was worked out from, and an item changed
 * since (a new decision, another reading) refuses the whole write.
 */
export async function writeCarryOut(
  db: RegisterDb,
  changes: readonly CarryOutChange[],
  now: Date,
): Promise<CampaignItem[]> {
  if (changes.length === 0) return [];
  const at = now.toISOString();
  return db.transaction('rw', db.campaignItems, async () => {
    const items = await db.campaignItems.bulkGet(changes.map((c) => c.itemId));
    const next = changes.map((change, i) => {
      const item = items[i];
      if (!item) throw new CampaignNotFoundError(`No campaign item ${change.itemId}.`);
      if (item.rev !== change.rev) {
        throw new CampaignConflictError(
          `The item changed since it was read (revision ${item.rev}, not ${change.rev}).`,
        );
      }
      return campaignItemRow.parse(revisedRow(item, change.patch, at));
    });
    await db.campaignItems.bulkPut(next);
    return next;
  });
}

/**
 * The user says a lower or revoke decision was carried out outside the extension; the reason is
 * required (it is what an auditor reads instead of a page reading). Recorded as by the reviewer.
 */
export async function markDoneOutside(
  db: RegisterDb,
  itemId: string,
  expectedRev: number,
  reason: string,
  now: Date,
): Promise<CampaignItem> {
  const why = reason.trim();
  if (!why) throw new DecisionRefusedError(new Map([[itemId, ['reasonRequired']]]));
  const at = now.toISOString();
  return db.transaction('rw', [db.campaigns, db.campaignItems], async () => {
    const item = await db.campaignItems.get(itemId);
    if (!item) throw new CampaignNotFoundError(`No campaign item ${itemId}.`);
    if (item.rev !== expectedRev) {
      throw new CampaignConflictError(
        `The item changed since it was read (revision ${item.rev}, not ${expectedRev}).`,
      );
    }
    const kind = item.decision?.kind;
    if (kind !== 'lower' && kind !== 'revoke') {
      throw new CampaignInputError('invalid', 'Only a lower or revoke decision is carried out.');
    }
    const c = await openCampaign(db, item.campaignId);
    const next = campaignItemRow.parse(
      revisedRow(item, { doneOutside: { at, reason: why, by: c.reviewer } }, at),
    );
    await db.campaignItems.put(next);
    return next;
  });
}
