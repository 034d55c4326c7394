/**
 * The "I did this" fallback of a step whose control is missing. It once
 * fired on a loaded machine while the page was still rendering (a wall clock started when the
 * step began); now the grace counts only on a settled page, restarts when the control is seen or
 * the route changes, and a control that shows up after the fallback returns the step to active.
 */
import { describe, expect, it, vi } from 'vitest';
import { UNRECOGNISED_AFTER_MS } from '@/lib/overlay/unproven-step';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import { runnerOnReplicaEachTest } from '../helpers/runner-on-replica';

const on = runnerOnReplicaEachTest(REPLICA_URLS.bcMembers, 'bc-members');

/** A runner following the replica's route, as the overlay runs it (its page changes observed). */
const setUp = () => on.page;

const invite = () =>
  [...on.dom.document.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === 'Invite Member',
  )!;
const table = () => on.dom.document.querySelector('table')!;

describe('a step whose control is missing', () => {
  it('falls back to "I did this" after the grace on a settled page, with no page change', async () => {
    const { run, state } = await setUp();
    invite().textContent = 'Add people'; // TikTok renamed it
    run.ask({ kind: 'start', checklist: 'add-member' });
    expect(state()).toEqual({ id: 'open-invite', state: 'active' });
    vi.advanceTimersByTime(UNRECOGNISED_AFTER_MS - 100);
    expect(state().state).toBe('active');
    // The pending re-check reads the page again by itself: the page stayed quiet.
    vi.advanceTimersByTime(200);
    expect(state()).toEqual({ id: 'open-invite', state: 'manual' });
  });

  it('returns to active when the control shows up after the timeout', async () => {
    const { runner, run, store, state } = await setUp();
    const button = invite();
    button.textContent = 'Add people';
    run.ask({ kind: 'start', checklist: 'add-member' });
    vi.advanceTimersByTime(UNRECOGNISED_AFTER_MS + 100);
    expect(state()).toEqual({ id: 'open-invite', state: 'manual' });
    expect(store.getState().target).toBeNull();

    // Late after all (a slow render, a re-render with the old label): recognised again.
    button.textContent = 'Invite Member';
    runner.onBatch(on.dom.url());
    expect(state()).toEqual({ id: 'open-invite', state: 'active' });
    expect(store.getState().unrecognised).toEqual([]);
    // …and seen, the control restarts the grace: gone again, it takes the full grace once more.
    button.textContent = 'Add people';
    runner.onBatch(on.dom.url());
    vi.advanceTimersByTime(UNRECOGNISED_AFTER_MS - 100);
    expect(state().state).toBe('active');
    vi.advanceTimersByTime(200);
    expect(state().state).toBe('manual');
  });

  it('counts from when the page has rendered its table, not from when the step began', async () => {
    const { run, state } = await setUp();
    // The table not rendered yet (a loaded machine, TikTok's late table).
    const t = table();
    const parent = t.parentNode!;
    t.remove();
    invite().textContent = 'Add people';
    run.ask({ kind: 'start', checklist: 'add-member' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(state().state).toBe('active');
    // The table renders 2 s in (seen by the runner's observer): the grace starts now.
    parent.appendChild(t);
    await vi.advanceTimersByTimeAsync(40);
    vi.advanceTimersByTime(UNRECOGNISED_AFTER_MS - 140);
    expect(state().state).toBe('active');
    vi.advanceTimersByTime(200);
    expect(state().state).toBe('manual');
  });

  it('a page whose table never comes settles after the grace, then falls back after another', async () => {
    const { run, state } = await setUp();
    table().remove();
    invite().textContent = 'Add people';
    run.ask({ kind: 'start', checklist: 'add-member' });
    vi.advanceTimersByTime(UNRECOGNISED_AFTER_MS + 100);
    expect(state().state).toBe('active');
    vi.advanceTimersByTime(UNRECOGNISED_AFTER_MS);
    expect(state().state).toBe('manual');
  });

  it('a new route restarts the grace (navigating away and back)', async () => {
    const { runner, run, state } = await setUp();
    invite().textContent = 'Add people';
    run.ask({ kind: 'start', checklist: 'add-member' });
    vi.advanceTimersByTime(UNRECOGNISED_AFTER_MS - 500);
    await on.page.rerunRoute();
    vi.advanceTimersByTime(1000);
    runner.onBatch(on.dom.url());
    expect(state().state).toBe('active');
    vi.advanceTimersByTime(UNRECOGNISED_AFTER_MS);
    expect(state().state).toBe('manual');
  });
});
