/**
 * The background's side of the in-page checklists: it writes finished flows to the
 * register (content scripts run in TikTok's origin, whose IndexedDB is the page's, so only
 * extension contexts open the register), keeps each tab's checklist progress per Business
 * Center in session storage, and answers what the register knows about one Business Center (email check, reconcile).
 */
import { defaultReviewCadence } from '../settings';
import { storage } from '#imports';
import { z } from 'zod';
import type { RegisterDb } from '../register/db';
import type { Grant, GrantPatch, WriteContext } from '../register';
import {
  GrantNotFoundError,
  RegisterConflictError,
  StatusTransitionError,
  recordGrant,
  updateGrant,
} from '../register';
import type { ChecklistProgress } from '../checklists';
import type {
  AccountOwnershipView,
  GrantHint,
  RecordErrorCode,
  RecordFlowRequest,
  RegisterRowView,
} from '../messaging/companion';
import { TIKTOK_ID } from '../tiktok/ids';
import { reconcileUpdate, recordFlowRequest } from '../messaging/companion';

/**
 * An error the overlay can translate: `code` crosses the message boundary (@webext-core/messaging
 * keeps an error's own properties); the English message is for logs.
 */
export class RecordFlowError extends Error {
  constructor(
    readonly code: RecordErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RecordFlowError';
  }
}

/** The same failure as a {@link RecordFlowError} with a code. */
function coded(error: unknown): RecordFlowError {
  if (error instanceof RecordFlowError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof z.ZodError) return new RecordFlowError('invalidRequest', message);
  if (error instanceof RegisterConflictError) return new RecordFlowError('conflict', message);
  if (error instanceof StatusTransitionError)
    return new RecordFlowError('statusTransition', message);
  if (error instanceof GrantNotFoundError) return new RecordFlowError('notFound', message);
  // Dexie and IndexedDB failures (quota, closed database, aborted transaction).
  return new RecordFlowError('storage', message);
}

/** Run a write; whatever fails is thrown again with a code the overlay can translate. */
async function withCodes<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw coded(error);
  }
}

/** The grants (not deleted) on a Business Center and on the ad accounts it owns. */
export async function registerRowsFor(db: RegisterDb, orgId: string): Promise<RegisterRowView[]> {
  const accounts = (await db.accounts.toArray()).filter(
    (a) =>
      a.deletedAt === null &&
      ((a.kind === 'businessCenter' && a.externalId === orgId) || a.ownerBcId === orgId),
  );
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const grants = (
    await db.grants
      .where('accountId')
      .anyOf([...byId.keys()])
      .toArray()
  ).filter((g) => g.deletedAt === null);
  const parties = new Map(
    (await db.parties.bulkGet([...new Set(grants.map((g) => g.partyId))])).flatMap((p) =>
      p ? [[p.id, p] as const] : [],
    ),
  );
  return grants.flatMap((g) => {
    const a = byId.get(g.accountId);
    const p = parties.get(g.partyId);
    if (!a || !p) return [];
    return [
      {
        grantId: g.id,
        rev: g.rev,
        partyKind: p.kind,
        partyName: p.name,
        email: p.email,
        bcId: p.bcId,
        accountKind: a.kind,
        accountExternalId: a.externalId,
        bcRole: g.bcRole,
        assetRole: g.assetRole,
        status: g.status,
        invitedAt: g.invitedAt,
      },
    ];
  });
}

function sameParty(row: RegisterRowView, party: RecordFlowRequest['party']): boolean {
  if (party.kind !== row.partyKind) return false;
  if (party.kind === 'person') return !!party.email && row.email === party.email.toLowerCase();
  return !!party.bcId && row.bcId === party.bcId;
}

const LIVE: ReadonlyArray<Grant['status']> = ['invited', 'active', 'suspended'];

/** Write a finished checklist's grants and events; returns the ids of the grants written. */
export function recordFlow(
  db: RegisterDb,
  raw: unknown,
  now: Date,
): Promise<{ grantIds: string[] }> {
  return withCodes(() => writeFlow(db, raw, now));
}

async function writeFlow(db: RegisterDb, raw: unknown, now: Date): Promise<{ grantIds: string[] }> {
  const req = recordFlowRequest.parse(raw);
  if (req.party.kind === 'person' && !req.party.email)
    throw new RecordFlowError('needsEmail', 'A member flow needs the person’s email.');
  if (req.party.kind === 'partnerBc' && !req.party.bcId)
    throw new RecordFlowError(
      'needsBcId',
      'A partner flow needs the partner’s Business Center ID.',
    );
  const ctx: WriteContext = {
    source: 'checklist',
    now,
    checklist: req.checklist,
    defaultCadenceDays: await defaultReviewCadence(),
  };
  const party = {
    kind: req.party.kind,
    email: req.party.email ?? null,
    bcId: req.party.bcId ?? null,
    name: req.party.name ?? '',
  };
  const bc = {
    kind: 'businessCenter' as const,
    externalId: req.orgId,
    name: req.bcName ?? '',
    ownership: 'mine' as const,
  };
  const adAccount = (a: RecordFlowRequest['accounts'][number]) => ({
    kind: 'adAccount' as const,
    externalId: a.id,
    name: a.name,
    ownerBcId: req.orgId,
    ownership: 'mine' as const,
  });
  // A client's Business Center: the register holds my access there (held accounts), not who
  // else the client lets in; the overlay skips recording there, this guards a stale overlay.
  if ((await accountOwnership(db, req.orgId)).ownership === 'client')
    throw new RecordFlowError(
      'clientAccount',
      'This Business Center is recorded as a client’s; its members are not recorded.',
    );
  const existing = (await registerRowsFor(db, req.orgId)).filter(
    (r) => sameParty(r, req.party) && LIVE.includes(r.status),
  );
  const written: string[] = [];
  return db.transaction('rw', [db.accounts, db.parties, db.grants, db.events], async () => {
    if (req.action === 'invite') {
      if (req.party.kind === 'person' || req.accounts.length === 0) {
        const g = await recordGrant(
          db,
          { account: bc, party, bcRole: req.bcRole ?? null, status: 'invited' },
          ctx,
        );
        written.push(g.id);
      }
      for (const a of req.accounts) {
        const g = await recordGrant(
          db,
          { account: adAccount(a), party, assetRole: a.role, status: 'invited' },
          ctx,
        );
        written.push(g.id);
      }
    } else if (req.action === 'revoke') {
      for (const r of existing) {
        const g = await updateGrant(db, r.grantId, r.rev, { status: 'revoked' }, ctx);
        written.push(g.id);
      }
      if (existing.length === 0) {
        // Not in the register yet: keep the record that their access ended.
        const g = await recordGrant(
          db,
          { account: bc, party, bcRole: req.bcRole ?? null, status: 'revoked' },
          ctx,
        );
        written.push(g.id);
      }
    } else if (req.action === 'accept') {
      // Only invitations become active: a grant already active (or suspended) is left alone.
      for (const r of existing.filter((e) => e.status === 'invited')) {
        const g = await updateGrant(db, r.grantId, r.rev, { status: 'active' }, ctx);
        written.push(g.id);
      }
    } else {
      for (const a of req.accounts) {
        const current = existing.find(
          (r) => r.accountKind === 'adAccount' && r.accountExternalId === a.id,
        );
        const patch: GrantPatch = { assetRole: a.role };
        const g = current
          ? await updateGrant(db, current.grantId, current.rev, patch, ctx)
          : await recordGrant(
              db,
              { account: adAccount(a), party, assetRole: a.role, status: 'active' },
              ctx,
            );
        written.push(g.id);
      }
    }
    return { grantIds: written };
  });
}

/** Who asks for a reconcile, and whether the user confirmed a change of several grants. */
export interface ReconcileScope {
  /** The Business Center the asking page is on: every update must concern it. */
  orgId: string | null;
  /** Set by the panel's confirmation step; required for more than one update at once. */
  confirmed: boolean;
}

/** Apply reconcile updates one by one; each is its own event. Returns the grants written. */
export function applyReconcile(
  db: RegisterDb,
  raw: unknown,
  now: Date,
  scope: ReconcileScope,
): Promise<{ grantIds: string[] }> {
  return withCodes(() => writeReconcile(db, raw, now, scope));
}

async function writeReconcile(
  db: RegisterDb,
  raw: unknown,
  now: Date,
  scope: ReconcileScope,
): Promise<{ grantIds: string[] }> {
  const updates = z.array(reconcileUpdate).max(1000).parse(raw);
  // "Update all" changes many grants with one click: only after the user said yes to it.
  if (updates.length > 1 && !scope.confirmed)
    throw new RecordFlowError(
      'needsConfirmation',
      'Changing several grants at once needs the user’s confirmation.',
    );
  // Each update concerns the asking page's Business Center: a grant named by id must be on it
  // (or on an ad account it owns), an added one must name it.
  const onPage = scope.orgId ? await registerRowsFor(db, scope.orgId) : [];
  const here = new Set(onPage.map((r) => r.grantId));
  for (const u of updates) {
    if (u.kind === 'add' ? u.orgId !== scope.orgId : !here.has(u.grantId))
      throw new RecordFlowError('notFound', 'An update names a grant of another Business Center.');
  }
  for (const orgId of new Set(updates.flatMap((u) => (u.kind === 'add' ? [u.orgId] : []))))
    if ((await accountOwnership(db, orgId)).ownership === 'client')
      throw new RecordFlowError(
        'clientAccount',
        'This Business Center is recorded as a client’s; its members are not recorded.',
      );
  const ctx: WriteContext = { source: 'page', now, checklist: 'reconcile' };
  const grantIds: string[] = [];
  for (const u of updates) {
    if (u.kind === 'add') {
      const g = await recordGrant(
        db,
        {
          account: {
            kind: 'businessCenter',
            externalId: u.orgId,
            name: u.bcName ?? '',
            ownership: 'mine',
          },
          party: {
            kind: u.party.kind,
            email: u.party.email ?? null,
            bcId: u.party.bcId ?? null,
            name: u.party.name,
          },
          bcRole: u.bcRole,
          status: u.status,
        },
        ctx,
      );
      grantIds.push(g.id);
    } else {
      const g = await updateGrant(db, u.grantId, u.rev, u.patch, ctx);
      grantIds.push(g.id);
    }
  }
  return { grantIds };
}

const progressKey = (tabId: number, orgId: string) =>
  `session:checklist-progress:${tabId}:${orgId}` as const;

/** This tab's checklist progress in one Business Center, or null. */
export function loadProgress(tabId: number, orgId: string): Promise<ChecklistProgress | null> {
  return storage.getItem<ChecklistProgress>(progressKey(tabId, orgId));
}

/** Keep (or, with null, drop) this tab's checklist progress in one Business Center. */
export async function saveProgress(
  tabId: number,
  orgId: string,
  progress: ChecklistProgress | null,
): Promise<void> {
  if (progress === null) await storage.removeItem(progressKey(tabId, orgId));
  else await storage.setItem<ChecklistProgress>(progressKey(tabId, orgId), progress);
}

/** The grant a reminder's hint names, with its party and account, or null when it is gone. */
export async function grantHint(db: RegisterDb, grantId: string): Promise<GrantHint | null> {
  if (!z.uuid().safeParse(grantId).success) return null;
  const g = await db.grants.get(grantId);
  if (!g || g.deletedAt !== null) return null;
  const [account, party] = await Promise.all([
    db.accounts.get(g.accountId),
    db.parties.get(g.partyId),
  ]);
  if (!account || !party) return null;
  return {
    grantId: g.id,
    orgId: account.kind === 'businessCenter' ? account.externalId : account.ownerBcId,
    partyKind: party.kind,
    name: party.name,
    email: party.email,
    bcId: party.bcId,
    accountKind: account.kind,
    accountExternalId: account.externalId,
    assetRole: g.assetRole,
    bcRole: g.bcRole,
    status: g.status,
  };
}

// --- A client's Business Center ---------------------------------

const RANK: Record<Grant['status'], number> = {
  active: 0,
  invited: 1,
  suspended: 2,
  expired: 3,
  rejected: 4,
  revoked: 5,
};

/** Whose the Business Center `orgId` is, and my access there when it is a client's. */
export async function accountOwnership(
  db: RegisterDb,
  orgId: string,
): Promise<AccountOwnershipView> {
  const none: AccountOwnershipView = { orgId, ownership: null, name: null, myGrant: null };
  if (!TIKTOK_ID.test(orgId)) return none;
  const account = await db.accounts
    .where('[kind+externalId]')
    .equals(['businessCenter', orgId])
    .first();
  if (!account || account.deletedAt !== null) return none;
  const view: AccountOwnershipView = {
    orgId,
    ownership: account.ownership,
    name: account.name || null,
    myGrant: null,
  };
  if (account.ownership !== 'client') return view;
  const grants = (await db.grants.where('accountId').equals(account.id).toArray()).filter(
    (g) => g.deletedAt === null,
  );
  const parties = await db.parties.bulkGet([...new Set(grants.map((g) => g.partyId))]);
  const me = new Set(parties.flatMap((p) => (p?.isMe && p.deletedAt === null ? [p.id] : [])));
  const mine = grants
    .filter((g) => me.has(g.partyId))
    .sort((a, b) => RANK[a.status] - RANK[b.status] || b.updatedAt.localeCompare(a.updatedAt));
  const g = mine[0];
  if (g) view.myGrant = { grantId: g.id, bcRole: g.bcRole, status: g.status };
  return view;
}
