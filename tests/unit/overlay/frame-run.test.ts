/**
 * The checklists' engine in the companion frame, on readings as the page agent sends them (data,
 * no DOM): it takes up the run saved for the tab's Business Center, advances it, keeps it with
 * the background, and names the active step back to the agent only when that changes.
 */
import { describe, expect, it, vi } from 'vitest';
import { createOverlayStore, type ActiveRun } from '@/lib/overlay/store';
import { ChecklistRun, type Observed, type ProgressKeeper } from '@/lib/overlay/frame-run';
import { startChecklist, type ChecklistProgress } from '@/lib/checklists';
import type { AccessTableReading } from '@/lib/tiktok/read-table';
import { NO_PAGE_FACTS } from '@/lib/tiktok/page-facts';
import { NO_FLOW } from '@/lib/tiktok/observe';

const ORG = '7012345678901234567';
const NOW = new Date('2026-12-01T10:00:00Z');
const TABLE: AccessTableReading = {
  rows: [{ kind: 'member', name: 'Ana', email: 'ana@example.com', status: 'active' }],
  complete: true,
  problems: [],
};

const observed = (over: Partial<Observed['flow']> = {}): Observed => ({
  pageKind: 'bc-members',
  flow: { ...NO_FLOW, ...over },
  page: NO_PAGE_FACTS,
});

function setUp(saved: ChecklistProgress | null = null) {
  const store = createOverlayStore('bc-members');
  const keeper = {
    load: vi.fn(async (_orgId: string) => saved),
    save: vi.fn(async (_orgId: string, _p: ChecklistProgress | null) => {}),
  } satisfies ProgressKeeper;
  const told: Array<{ run: ActiveRun | null; read: boolean }> = [];
  const run = new ChecklistRun(
    store,
    keeper,
    (r, read) => told.push({ run: r, read }),
    () => NOW,
  );
  return { store, keeper, told, run };
}

describe('the checklists’ engine in the frame', () => {
  it('starts a run, asks for a fresh reading, and advances on what the agent reads', async () => {
    const { store, keeper, told, run } = setUp();
    await run.route(ORG);
    expect(keeper.load).toHaveBeenCalledWith(ORG);
    run.ask({ kind: 'start', checklist: 'add-member' });
    expect(told).toEqual([
      {
        run: {
          checklist: 'add-member',
          startedAt: NOW.toISOString(),
          step: 'open-members',
          proves: true,
        },
        read: true,
      },
    ]);
    run.setTable(TABLE);
    run.observe(observed({ inviteStep: 'details', emails: ['New@Example.com'] }));
    expect(store.getState().progress?.done).toEqual(['open-members', 'open-invite', 'enter-email']);
    expect(store.getState().progress?.facts.emails).toEqual(['new@example.com']);
    expect(told.at(-1)).toMatchObject({ run: { step: 'choose-role' }, read: false });
    expect(keeper.save).toHaveBeenLastCalledWith(ORG, store.getState().progress);
    // The same reading again changes nothing: the agent hears nothing, nothing is saved again.
    const [toldBefore, savedBefore] = [told.length, keeper.save.mock.calls.length];
    run.observe(observed({ inviteStep: 'details', emails: ['New@Example.com'] }));
    expect(told).toHaveLength(toldBefore);
    expect(keeper.save).toHaveBeenCalledTimes(savedBefore);
  });

  it('takes up the run saved for the Business Center, and keeps it over a route elsewhere', async () => {
    const saved = { ...startChecklist('revoke-member', NOW), done: ['open-members'] };
    const { store, keeper, told, run } = setUp(saved);
    await run.route(ORG);
    expect(store.getState().progress).toEqual(saved);
    expect(told).toEqual([
      {
        run: {
          checklist: 'revoke-member',
          startedAt: saved.startedAt,
          step: 'find-remove',
          proves: true,
        },
        read: true,
      },
    ]);
    expect(keeper.save).not.toHaveBeenCalled(); // as it was saved
    await run.route(null);
    await run.route(ORG);
    expect(keeper.load).toHaveBeenCalledTimes(1); // a run goes on: nothing to take up
  });

  it('keeps what the user marked, what was recorded, and ends the run when abandoned', async () => {
    const { store, keeper, told, run } = setUp();
    await run.route(ORG);
    run.ask({ kind: 'start', checklist: 'troubleshoot', hintedFor: 'Ana' });
    expect(store.getState().hintedFor).toBe('Ana');
    run.ask({ kind: 'manual', step: 'invitation-email' });
    expect(store.getState().progress?.manual).toEqual(['invitation-email']);
    expect(told.at(-1)).toMatchObject({
      run: { step: 'invitation-resend', proves: true },
      read: true,
    });
    run.ask({ kind: 'choosePerson', subject: { name: 'Ana', email: 'ana@example.com' } });
    expect(told.at(-1)?.run?.subject).toEqual({ name: 'Ana', email: 'ana@example.com' });
    // A record for another run than this one is not kept.
    run.ask({ kind: 'recorded', startedAt: 'another', grantIds: ['g'] });
    expect(store.getState().progress?.recordedGrantIds).toBeNull();
    run.ask({ kind: 'abandon' });
    expect(store.getState().progress).toBeNull();
    expect(store.getState().hintedFor).toBeNull();
    expect(told.at(-1)).toEqual({ run: null, read: false });
    expect(keeper.save).toHaveBeenLastCalledWith(ORG, null);
  });
});
