/**
 * The rows of access review campaigns (schema v5), as zod schemas. A campaign reviews a frozen
 * snapshot of the grants in its scope: each item keeps the grant as it was when the campaign
 * started (with its revision), the account and party it named, and the decision taken on it with
 * every earlier one. The rules that write these rows live in `lib/campaigns`.
 */
import { z } from 'zod';
import {
  account,
  assetRole,
  bcRole,
  calendarDay,
  financeRole,
  grantSnapshot,
  instant,
  party,
  tiktokId,
} from './schema';

const rowBase = {
  id: z.uuid(),
  createdAt: instant,
  updatedAt: instant,
  /** Starts at 1; every update names the revision it read and bumps it by one. */
  rev: z.number().int().min(1),
};

/** What a campaign reviews. A Business Center's scope takes in the ad accounts it owns. */
export const campaignScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everything') }),
  z.object({ kind: z.literal('account'), accountId: z.uuid() }),
  z.object({ kind: z.literal('organisation'), organisation: z.string().trim().min(1).max(500) }),
  z.object({ kind: z.literal('party'), partyId: z.uuid() }),
  z.object({ kind: z.literal('perspective'), perspective: z.enum(['mine', 'held']) }),
]);

/** What becomes of an item nobody decided by the due date: always a suggestion, never applied. */
export const undecidedAtDue = z.enum(['undecided', 'keep', 'revoke']);

/** An invitation not accepted after this many days is suggested for withdrawal, unless set. */
export const DEFAULT_CAMPAIGN_STALE_INVITATION_DAYS = 14;

/**
 * What a campaign is for: a review asks for a decision on each item; an offboarding takes away
 * everything one agency or person holds, every item decided revoke when it starts. Rows written
 * before offboardings existed have no kind and are reviews.
 */
export const campaignKind = z.enum(['review', 'offboarding']);

export const campaign = z.object({
  ...rowBase,
  kind: campaignKind.optional(),
  scope: campaignScope,
  /** The scope in words when the campaign started (an account's or person's name may change). */
  scopeLabel: z.string().max(600),
  reviewer: z.string().trim().min(1).max(200),
  /** The local day the review is due. */
  dueOn: calendarDay,
  /** When the snapshot of the grants in scope was taken. */
  startedAt: instant,
  /** An invitation pending this many days is suggested for withdrawal. */
  staleInvitationDays: z.number().int().min(1).max(365),
  undecidedAtDue,
  itemCount: z.number().int().min(0),
  closedAt: instant.nullable(),
});

/** The four outcomes of an item. `handOff`: "not mine to decide", handed to someone named. */
export const campaignDecisionKind = z.enum(['keep', 'lower', 'revoke', 'handOff']);

/** The roles a `lower` decision moves the grant to (each layer as it stays or lower). */
export const loweredRoles = z.object({
  bcRole: bcRole.nullable(),
  financeRole: financeRole.nullable(),
  assetRole: assetRole.nullable(),
});

/** One decision on an item: what, why, who decided it and when. */
export const campaignDecision = z.object({
  kind: campaignDecisionKind,
  lowerTo: loweredRoles.nullable(),
  handTo: z.string().max(200).nullable(),
  reason: z.string().max(10_000),
  by: z.string().max(200),
  at: instant,
});

/** The account an item is on, as it was at the snapshot. */
export const itemAccount = account.pick({
  kind: true,
  externalId: true,
  name: true,
  ownerBcId: true,
});
/** The party an item is about, as it was at the snapshot. */
export const itemParty = party.pick({
  kind: true,
  name: true,
  email: true,
  bcId: true,
  organisation: true,
  isMe: true,
});

/**
 * One reading of a Business Center page, as it bears on an item: which table (the Business
 * Center's own, or an ad account's when `advertiserId` is set), whether the person or partner was
 * listed there, and with which roles. Kept as data, so the words are the reader's language.
 */
export const pageReadBack = z.object({
  at: instant,
  orgId: tiktokId,
  advertiserId: tiktokId.nullable(),
  table: z.enum(['members', 'partners']),
  listed: z.boolean(),
  bcRole: bcRole.nullable(),
  assetRole: assetRole.nullable(),
});

/** The checklist that carried a decision out on TikTok's page, and when it finished. */
export const itemApplied = z.object({
  at: instant,
  checklist: z.string().min(1).max(100),
});

/** A decision the user carried out without the extension, and why they say it is done. */
export const itemDoneOutside = z.object({
  at: instant,
  reason: z.string().trim().min(1).max(10_000),
  by: z.string().max(200),
});

export const campaignItem = z.object({
  ...rowBase,
  campaignId: z.uuid(),
  /** The item's place in the campaign (0-based): items are read in this order. */
  position: z.number().int().min(0),
  grantId: z.uuid(),
  /** The grant as it was when the campaign started, with its revision and status. */
  grant: grantSnapshot,
  account: itemAccount.nullable(),
  party: itemParty.nullable(),
  /** The decision standing now; null while undecided. */
  decision: campaignDecision.nullable(),
  /** Decisions this one replaced, oldest first. */
  earlier: z.array(campaignDecision),
  /** A lower or revoke decision's checklist finished on TikTok's page (absent: not yet). */
  applied: itemApplied.nullable().optional(),
  /** The page reading that showed the decision carried out (absent: not yet). */
  verified: pageReadBack.nullable().optional(),
  /** A later reading that shows the decision undone: the person or partner still listed, or higher. */
  contradicted: pageReadBack.nullable().optional(),
  /** The user says the decision was carried out outside the extension, with a reason. */
  doneOutside: itemDoneOutside.nullable().optional(),
});

/** A campaign's two reminders: the due date nears, and it has passed. */
export const campaignReminderKind = z.enum(['campaignDueSoon', 'campaignOverdue']);

/**
 * What happened to one campaign reminder, kept like a grant's reminder state: the id is
 * `${kind}:${campaignId}:${dueOn}`, `shownAt` is set only once the notification exists, and a
 * claim that lapses without it means the reminder is shown again.
 */
export const campaignReminderState = z.object({
  ...rowBase,
  id: z.string().regex(/^(campaignDueSoon|campaignOverdue):[0-9a-f-]{36}:\d{4}-\d{2}-\d{2}$/),
  kind: campaignReminderKind,
  campaignId: z.uuid(),
  dueOn: calendarDay,
  shownAt: instant.nullable(),
  claimedAt: instant.nullable(),
  doneAt: instant.nullable(),
});

export type CampaignScope = z.infer<typeof campaignScope>;
export type CampaignKind = z.infer<typeof campaignKind>;
export type PageReadBack = z.infer<typeof pageReadBack>;
export type ItemApplied = z.infer<typeof itemApplied>;
export type ItemDoneOutside = z.infer<typeof itemDoneOutside>;
export type UndecidedAtDue = z.infer<typeof undecidedAtDue>;
export type Campaign = z.infer<typeof campaign>;
export type CampaignDecisionKind = z.infer<typeof campaignDecisionKind>;
export type LoweredRoles = z.infer<typeof loweredRoles>;
export type CampaignDecision = z.infer<typeof campaignDecision>;
export type ItemAccount = z.infer<typeof itemAccount>;
export type ItemParty = z.infer<typeof itemParty>;
export type CampaignItem = z.infer<typeof campaignItem>;
export type CampaignReminderKind = z.infer<typeof campaignReminderKind>;
export type CampaignReminderState = z.infer<typeof campaignReminderState>;
