/**
 * A Business Center the register holds as a client's ("client accounts I
 * hold"). The background says whose it is and my access there; the overlay shows that instead of
 * the reconcile card (the client's other members are not people with access to my accounts), and
 * a checklist run there finishes without writing the client's members into my register.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CompanionPanel } from '@/components/overlay/CompanionPanel';
import { createOverlayStore } from '@/lib/overlay/store';
import { applyReconcile, recordFlow } from '@/lib/background/checklist-handlers';
import { accountOwnership, registerRowsFor } from '@/lib/background/checklist-lookups';
import type { AccountOwnershipView } from '@/lib/messaging/companion';
import { ChecklistRunner } from '@/lib/overlay/runner';
import { recordErrorText } from '@/lib/overlay/record-request';
import { RegisterDb, recordGrant, recordHeldBusinessCenters } from '@/lib/register';
import { checklistById, startChecklist } from '@/lib/checklists';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { companionFrame } from '../helpers/companion-frame';
import { openReplica } from '../helpers/replica-dom';

const NORTHWIND = '7012345678901234567';
const NOW = new Date('2026-11-27T18:00:00.000Z');

describe('accountOwnership (background)', () => {
  let db: RegisterDb;
  beforeEach(() => {
    db = new RegisterDb(`t-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('an unknown Business Center (or a malformed id) is nobody’s', async () => {
    expect(await accountOwnership(db, NORTHWIND)).toEqual({
      orgId: NORTHWIND,
      ownership: null,
      name: null,
      myGrant: null,
    });
    expect((await accountOwnership(db, 'not-an-id')).ownership).toBeNull();
  });

  it('a Business Center of mine: no grant of mine is looked up', async () => {
    await recordFlow(
      db,
      {
        checklist: 'add-member',
        orgId: NORTHWIND,
        bcName: 'Northwind Outdoor',
        action: 'invite',
        party: { kind: 'person', email: 'new@example.com' },
        bcRole: 'standard',
        accounts: [],
      },
      NOW,
    );
    expect(await accountOwnership(db, NORTHWIND)).toEqual({
      orgId: NORTHWIND,
      ownership: 'mine',
      name: 'Northwind Outdoor',
      myGrant: null,
    });
  });

  it('a client’s: my role and status there, the live grant before an ended one', async () => {
    await recordHeldBusinessCenters(
      db,
      [{ orgId: NORTHWIND, name: 'Northwind Outdoor', myRole: 'standard' }],
      { source: 'page', now: NOW },
    );
    const view = await accountOwnership(db, NORTHWIND);
    expect(view).toMatchObject({
      ownership: 'client',
      name: 'Northwind Outdoor',
      myGrant: { bcRole: 'standard', status: 'active' },
    });
    const grant = await db.grants.get(view.myGrant!.grantId);
    expect(grant?.status).toBe('active');
    // An old, revoked grant of mine there does not hide the live one.
    await recordGrant(
      db,
      {
        account: {
          kind: 'businessCenter',
          externalId: NORTHWIND,
          name: 'Northwind Outdoor',
          ownership: 'client',
        },
        party: { kind: 'person', email: 'old-me@example.com', name: 'Me', isMe: true },
        bcRole: 'admin',
        status: 'revoked',
      },
      { source: 'manual', now: new Date('2026-11-28T00:00:00.000Z') },
    );
    expect((await accountOwnership(db, NORTHWIND)).myGrant).toEqual(view.myGrant);
  });

  it('refuses to record a checklist or a reconcile “add” on a client’s Business Center', async () => {
    await recordHeldBusinessCenters(db, [{ orgId: NORTHWIND, name: 'Northwind Outdoor' }], {
      source: 'page',
      now: NOW,
    });
    const before = await registerRowsFor(db, NORTHWIND);
    const invite = recordFlow(
      db,
      {
        checklist: 'add-member',
        orgId: NORTHWIND,
        bcName: 'Northwind Outdoor',
        action: 'invite',
        party: { kind: 'person', email: 'colleague@example.com' },
        bcRole: 'standard',
        accounts: [],
      },
      NOW,
    );
    await expect(invite).rejects.toMatchObject({ code: 'clientAccount' });
    await expect(invite.catch((e: unknown) => recordErrorText(e))).resolves.toBe(
      'this is a client’s Business Center: your register keeps only your own access to it.',
    );
    await expect(
      applyReconcile(
        db,
        [
          {
            kind: 'add',
            orgId: NORTHWIND,
            bcName: 'Northwind Outdoor',
            party: { kind: 'person', email: 'colleague@example.com', name: 'Colleague' },
            bcRole: 'standard',
            status: 'active',
          },
        ],
        NOW,
        { orgId: NORTHWIND, confirmed: false },
      ),
    ).rejects.toMatchObject({ code: 'clientAccount' });
    expect(await registerRowsFor(db, NORTHWIND)).toEqual(before);
  });
});

describe('the overlay on a client’s Business Center', () => {
  let dom: ReplicaDom | undefined;
  afterEach(async () => {
    await dom?.close();
    dom = undefined;
  });

  const held: AccountOwnershipView = {
    orgId: NORTHWIND,
    ownership: 'client',
    name: 'Northwind Outdoor',
    myGrant: {
      grantId: '0b8c4a52-3f1e-4d0a-9c65-1b1f1d2e3a4b',
      bcRole: 'standard',
      status: 'active',
    },
  };

  async function run(owner: AccountOwnershipView) {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const store = createOverlayStore('bc-members');
    const runner = new ChecklistRunner(dom.document, store);
    // The register's checks and whose the Business Center is run in the companion frame, on an
    // empty register here.
    const ownership = vi.fn(async (_orgId: string) => owner);
    const record = vi.fn(async (_request: unknown) => ({ grantIds: ['x'] }));
    const { frame } = companionFrame(
      runner,
      store,
      { rows: async () => [], ownership, record },
      () => NOW,
    );
    const controller = new AbortController();
    runner.runRoute(dom.url(), controller.signal);
    await vi.waitFor(() => expect(ownership).toHaveBeenCalledWith(NORTHWIND));
    await new Promise((r) => setTimeout(r, 80));
    return { store, frame, record, runner, controller };
  }

  it('shows my access there and no reconcile findings (not my row, nor anyone else’s)', async () => {
    const { store, frame, controller } = await run(held);
    expect(frame.getState().heldBc).toEqual(held);
    // The page agent holds none of it.
    expect(store.getState().heldBc).toBeNull();
    expect(frame.getState().reconcile).toEqual([]);
    controller.abort();
  });

  it('the same page of a Business Center of mine (or unknown) is reconciled as before', async () => {
    const { store, frame, controller } = await run({ ...held, ownership: null, myGrant: null });
    expect(frame.getState().heldBc).toBeNull();
    // An empty register: every member on the page is "not in the register".
    expect(frame.getState().reconcile.length).toBeGreaterThan(0);
    // …worked out in the frame: the agent's own state holds no finding.
    expect(store.getState().reconcile).toEqual([]);
    controller.abort();
  });

  it('a checklist run to its record step finishes there without writing the client’s members', async () => {
    const { frame, record, controller } = await run(held);
    const p = startChecklist('revoke-member', NOW, {
      subject: { email: 'sam@northwind-outdoor.com', name: 'Sam' },
    });
    // Every step before the record step done by the user: the runner is at the record step.
    const c = checklistById('revoke-member');
    const before = c.steps.filter((s) => s.kind !== 'record').map((s) => s.id);
    act(() => frame.getState().set({ progress: { ...p, manual: before } }));
    // The next batch of page changes reads the page and reaches the record step.
    dom!.document.body.append(dom!.document.createElement('div'));
    await vi.waitFor(() => expect(frame.getState().progress?.recordedGrantIds).toEqual([]));
    expect(record).not.toHaveBeenCalled();
    expect(frame.getState().recordAsk).toBeNull();
    expect(frame.getState().recordError).toBeNull();
    controller.abort();
  });
});

describe('HeldCard in the panel', () => {
  it('says whose it is and my role, and opens my grant in the register', () => {
    const store = createOverlayStore('bc-members');
    const onOpenRegister = vi.fn();
    render(<CompanionPanel store={store} onOpenRegister={onOpenRegister} />);
    expect(screen.queryByTestId('held-note')).toBeNull();
    act(() =>
      store.getState().set({
        heldBc: {
          orgId: NORTHWIND,
          ownership: 'client',
          name: 'Northwind Outdoor',
          myGrant: { grantId: 'g-1', bcRole: 'admin', status: 'invited' },
        },
      }),
    );
    const note = screen.getByTestId('held-note');
    expect(within(note).getByRole('heading', { name: 'A client’s Business Center' })).toBeTruthy();
    expect(within(note).getByTestId('held-role').textContent).toBe(
      'Your role here, per your register: Admin (invited).',
    );
    fireEvent.click(within(note).getByRole('button', { name: 'Open in the register' }));
    expect(onOpenRegister).toHaveBeenCalledWith('g-1');

    act(() =>
      store.getState().set({
        heldBc: { orgId: NORTHWIND, ownership: 'client', name: null, myGrant: null },
      }),
    );
    expect(screen.getByTestId('held-role').textContent).toBe(
      'Your own access here is not in your register yet.',
    );
    expect(screen.queryByRole('button', { name: 'Open in the register' })).toBeNull();
  });
});
