/**
 * The register's rows, as zod schemas (the types are inferred from them, so an import and the
 * database agree by construction).
 *
 * Sync-ready: string UUID ids, `createdAt`/`updatedAt` on every row, a revision number that
 * every write must name (no silent overwrites), and deletions as tombstones (`deletedAt`).
 * Role names are TikTok's own (docs/tiktok.md, "Roles"): there is no Editor.
 */
import { z } from 'zod';
import { TIKTOK_ID } from '../tiktok/ids';

// Zod compiles fast parsers with `new Function` when the page allows eval. Extension pages
// never allow it (no 'unsafe-eval' in our CSP), so say so up front instead of letting zod probe
// and trip a CSP violation: https://zod.dev/packages/core#jitless
z.config({ jitless: true });

/** A SHA-256 digest as 64 lower-case hex digits (the history's hash chain). */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** An instant, as an ISO 8601 string in UTC (`2026-11-27T18:32:00.000Z`). */
export const instant = z.iso.datetime();
/** A calendar day, as `YYYY-MM-DD`. */
export const calendarDay = z.iso.date();

const rowBase = {
  id: z.uuid(),
  createdAt: instant,
  updatedAt: instant,
  /** Starts at 1; every update must name the revision it read and bumps it by one. */
  rev: z.number().int().min(1),
};
const deletable = { ...rowBase, deletedAt: instant.nullable() };

/** Business Center member role. */
export const bcRole = z.enum(['admin', 'standard']);
/** Finance role on top of the member role; "Financial Analyst" is the same role. */
export const financeRole = z.enum(['manager', 'analyst']);
/** Permission on one ad account. Operator is what the popular guides call "Editor". */
export const assetRole = z.enum(['admin', 'operator', 'analyst']);
/** Where a grant stands: `invited` → `active` → `revoked`, or one of the side exits. */
export const grantStatus = z.enum([
  'invited',
  'active',
  'revoked',
  'expired',
  'rejected',
  'suspended',
]);
/** Where a row or event came from. `sample` marks the demo entries a user can load and drop. */
export const origin = z.enum(['manual', 'checklist', 'page', 'import', 'sample']);

/** A Business Center's, ad account's or partner's ID, as TikTok writes it. */
export const tiktokId = z.string().regex(TIKTOK_ID, 'a TikTok ID is 6 to 25 digits');

export const account = z.object({
  ...deletable,
  kind: z.enum(['businessCenter', 'adAccount']),
  /** `org_id` for a Business Center, `aadvid` for an ad account. */
  externalId: tiktokId,
  name: z.string().max(500),
  /** The Business Center that owns an ad account, when known. */
  ownerBcId: tiktokId.nullable(),
  /** `mine`: I administer it. `client`: someone else's, where I hold access. */
  ownership: z.enum(['mine', 'client']),
});

export const party = z.object({
  ...deletable,
  kind: z.enum(['person', 'partnerBc']),
  name: z.string().max(500),
  /** A person's email, lower-cased; null for a partner Business Center. */
  email: z.email().max(320).nullable(),
  /** A partner Business Center's ID; null for a person. */
  bcId: tiktokId.nullable(),
  /** The agency or company they belong to. */
  organisation: z.string().max(500),
  notes: z.string().max(10_000),
  /** True for the user themself (or their own agency BC): "client accounts I hold". */
  isMe: z.boolean(),
});

export const grant = z.object({
  ...deletable,
  accountId: z.uuid(),
  partyId: z.uuid(),
  bcRole: bcRole.nullable(),
  financeRole: financeRole.nullable(),
  assetRole: assetRole.nullable(),
  status: grantStatus,
  invitedAt: instant.nullable(),
  acceptedAt: instant.nullable(),
  revokedAt: instant.nullable(),
  reviewCadenceDays: z.number().int().min(1).max(3650),
  lastReviewedAt: instant.nullable(),
  nextReviewOn: calendarDay.nullable(),
  contractEndsOn: calendarDay.nullable(),
  goals: z.string().max(10_000),
  source: origin,
  /**
   * The hash of the grant's latest history event (./chain.ts): the chain's end, so that events
   * removed after it show. Bookkeeping, like the timestamps: not part of a snapshot.
   */
  historyHead: z.string().regex(SHA256_HEX).optional(),
});

/** What a grant looked like at one moment: kept in events, e.g. at a review's sign-off. */
export const grantSnapshot = grant.omit({
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  historyHead: true,
});

export const eventType = z.enum([
  'created',
  'invited',
  'accepted',
  'roleChanged',
  'statusChanged',
  'reviewed',
  'revoked',
  'updated',
  'deleted',
  'imported',
  'reconciled',
  /** A backup restored this grant's content (before and after kept, like every change). */
  'restored',
]);

/**
 * Where an event came from when a file brought it (a CSV merge, or a backup's rows): when it
 * was imported and the file's name. An event without it was written by this register itself.
 */
export const fileProvenance = z.object({
  fileName: z.string().max(500),
  importedAt: instant,
  format: z.enum(['csv', 'json']),
});

/** One entry in a grant's history. Append-only: the database refuses to change or drop one. */
export const event = z.object({
  ...rowBase,
  grantId: z.uuid(),
  type: eventType,
  at: instant,
  source: origin,
  /** For `reviewed`: what was decided. */
  decision: z.enum(['keep', 'lower', 'revoke']).nullable(),
  note: z.string().max(10_000),
  /** For flows run in the page: which checklist recorded it. */
  checklist: z.string().max(100).nullable(),
  before: grantSnapshot.nullable(),
  after: grantSnapshot.nullable(),
  /** Set when a file brought this event; absent when this register wrote it. */
  fromFile: fileProvenance.optional(),
  /** The hash of the grant's event written before this one; null for its first (./chain.ts). */
  prev: z.string().regex(SHA256_HEX).nullable().optional(),
  /** SHA-256 over this event with `prev`: its link in the grant's hash chain. */
  hash: z.string().regex(SHA256_HEX).optional(),
});

export type BcRole = z.infer<typeof bcRole>;
export type FinanceRole = z.infer<typeof financeRole>;
export type AssetRole = z.infer<typeof assetRole>;
export type GrantStatus = z.infer<typeof grantStatus>;
export type Origin = z.infer<typeof origin>;
export type Account = z.infer<typeof account>;
export type Party = z.infer<typeof party>;
export type Grant = z.infer<typeof grant>;
export type GrantSnapshot = z.infer<typeof grantSnapshot>;
export type EventType = z.infer<typeof eventType>;
export type RegisterEvent = z.infer<typeof event>;
export type FileProvenance = z.infer<typeof fileProvenance>;

/** Words a user sees for each role, exactly as TikTok labels them. */
export const ROLE_LABELS = {
  bc: { admin: 'Admin', standard: 'Standard' },
  finance: { manager: 'Finance Manager', analyst: 'Finance Analyst' },
  asset: { admin: 'Admin', operator: 'Operator', analyst: 'Analyst' },
} as const satisfies {
  bc: Record<BcRole, string>;
  finance: Record<FinanceRole, string>;
  asset: Record<AssetRole, string>;
};

// ── What happened to each reminder, kept so that it survives restarts ──

/** What a reminder is about. */
export const reminderKind = z.enum(['review', 'invitation', 'contract']);

/**
 * One reminder's state. The id is stable, `${kind}:${grantId}:${dueOn}`, so that a reminder is
 * shown once per due date however often the service worker restarts, and two devices agree on
 * it when the register syncs. Rows exist only for reminders something happened to.
 */
export const reminderState = z.object({
  ...rowBase,
  id: z.string().regex(/^(review|invitation|contract):[0-9a-f-]{36}:\d{4}-\d{2}-\d{2}$/),
  kind: reminderKind,
  grantId: z.uuid(),
  dueOn: calendarDay,
  /** When a notification last showed it: set only once the notification exists. */
  shownAt: instant.nullable(),
  /**
   * When a run took it to show (a short lease: another run leaves it alone meanwhile). A claim
   * that lapses without `shownAt` means the worker stopped before the notification existed, so
   * the reminder is shown again. Absent on rows written before claims existed.
   */
  claimedAt: instant.nullable().optional(),
  /** Not due again before this instant. */
  snoozedUntil: instant.nullable(),
  /** Dealt with: never shown or counted again. */
  doneAt: instant.nullable(),
});

export type ReminderKind = z.infer<typeof reminderKind>;
export type ReminderState = z.infer<typeof reminderState>;
