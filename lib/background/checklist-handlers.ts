/**
 * The background's writes for the in-page checklists: a finished flow's grants, and what the
 * reconcile card applies (content scripts run in TikTok's origin, whose IndexedDB is the page's,
 * so only extension contexts open the register). Each tab's progress is checklist-progress.ts's;
 * what the register knows about one Business Center is checklist-lookups.ts's.
 */
import { defaultReviewCadence } from '../settings';
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
import type { RecordErrorCode, RecordFlowRequest, RegisterRowView } from '../messaging/companion';
import { accountOwnership, registerRowsFor } from './checklist-lookups';
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

/** Whether a register row is the recorded party's (a person by email, a partner by BC ID). */
function rowIsParty(row: RegisterRowView, party: RecordFlowRequest['party']): boolean {
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
    (r) => rowIsParty(r, req.party) && LIVE.includes(r.status),
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
