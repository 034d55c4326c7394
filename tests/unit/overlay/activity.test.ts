/**
 * "I did this" after the user has acted on the page for a while without the active step being
 * recognised: clicks, typing into a new field and dialogs opening count; the offer comes even
 * though the step's control is on show, and even if the user then waits; typing on in one field,
 * clicks in our own panel and acts that moved the run to the step do not count.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  UNRECOGNISED_AFTER_ACTIVITY_MS,
  UNRECOGNISED_AFTER_ACTS,
} from '@/lib/overlay/unproven-step';
import { stepTarget } from '@/lib/checklists';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import { runnerOnReplicaEachTest } from '../helpers/runner-on-replica';

const on = runnerOnReplicaEachTest(REPLICA_URLS.bcMembers, 'bc-members');

const setUp = () => on.page;

/** A click somewhere on the page that proves nothing (a table cell), and the batch it makes. */
async function clickCell(n = 0) {
  (on.dom.document.querySelectorAll('td')[n] as HTMLElement).click();
  await vi.advanceTimersByTimeAsync(40);
}

/** A dialog the detectors know nothing of, opened by the page. */
async function openUnknownDialog() {
  const d = on.dom.document.createElement('div');
  d.setAttribute('role', 'dialog');
  d.setAttribute('aria-label', 'Review access');
  d.textContent = 'Review access before you go on';
  on.dom.document.body.append(d);
  await vi.advanceTimersByTimeAsync(40);
}

describe('"I did this" after the user has acted a while', () => {
  it(`${UNRECOGNISED_AFTER_ACTS} acts over the grace, with the control on show: offered, even if the user then waits`, async () => {
    const { runner, run, state } = await setUp();
    run.ask({ kind: 'start', checklist: 'revoke-member' });
    expect(state()).toEqual({ id: 'find-remove', state: 'active' });
    // A control is found (View), so the fallback for a missing control never fires.
    expect(stepTarget('revoke-member', 'find-remove')?.(on.dom.document)?.textContent).toBe('View');
    await clickCell(0);
    await vi.advanceTimersByTimeAsync(1000);
    await clickCell(1);
    await openUnknownDialog();
    expect(state().state).toBe('active');
    // The acts are made; the time since the first runs out while the page stays quiet.
    await vi.advanceTimersByTimeAsync(UNRECOGNISED_AFTER_ACTIVITY_MS - 1000 - 200);
    expect(state().state).toBe('active');
    await vi.advanceTimersByTimeAsync(400);
    expect(state()).toEqual({ id: 'find-remove', state: 'manual' });
    // It stays offered while the step is the same, control or not.
    runner.onBatch(on.dom.url());
    expect(state().state).toBe('manual');
    // The user takes it: the run moves on, and the next step starts with no acts counted.
    run.ask({ kind: 'manual', step: 'find-remove' });
    expect(state()).toEqual({ id: 'confirm-remove', state: 'active' });
  });

  it('a step with no control at all (their row leaving) is offered too', async () => {
    const { run, store, state } = await setUp();
    run.ask({ kind: 'start', checklist: 'revoke-member' });
    run.ask({ kind: 'manual', step: 'find-remove' });
    run.ask({ kind: 'manual', step: 'confirm-remove' });
    run.ask({ kind: 'manual', step: 'enter-code' });
    expect(state()).toEqual({ id: 'row-gone', state: 'active' });
    for (let i = 0; i < UNRECOGNISED_AFTER_ACTS; i++) {
      await clickCell(i);
      await vi.advanceTimersByTimeAsync(UNRECOGNISED_AFTER_ACTIVITY_MS / UNRECOGNISED_AFTER_ACTS);
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(state()).toEqual({ id: 'row-gone', state: 'manual' });
    expect(store.getState().unrecognised).toContain('row-gone');
  });

  it('too few acts, however long: not offered', async () => {
    const { runner, run, state } = await setUp();
    run.ask({ kind: 'start', checklist: 'revoke-member' });
    for (let i = 0; i < UNRECOGNISED_AFTER_ACTS - 1; i++) await clickCell(i);
    await vi.advanceTimersByTimeAsync(UNRECOGNISED_AFTER_ACTIVITY_MS * 3);
    runner.onBatch(on.dom.url());
    expect(state()).toEqual({ id: 'find-remove', state: 'active' });
  });

  it('typing on in one field is one act; clicks in our own panel are none', async () => {
    const { runner, run, state } = await setUp();
    run.ask({ kind: 'start', checklist: 'revoke-member' });
    const field = on.dom.document.createElement('input');
    on.dom.document.querySelector('main')!.append(field);
    for (let i = 0; i < 12; i++) {
      field.value += 'x';
      field.dispatchEvent(new on.dom.window.Event('input', { bubbles: true }) as unknown as Event);
      await vi.advanceTimersByTimeAsync(500);
    }
    const host = on.dom.document.createElement('tt-access-companion');
    const ours = on.dom.document.createElement('button');
    host.append(ours);
    on.dom.document.body.append(host);
    for (let i = 0; i < 5; i++) {
      ours.click();
      await vi.advanceTimersByTimeAsync(500);
    }
    runner.onBatch(on.dom.url());
    expect(state()).toEqual({ id: 'find-remove', state: 'active' });
  });

  it('the acts that moved the run to a step do not count for it', async () => {
    const { runner, run, state } = await setUp();
    run.ask({ kind: 'start', checklist: 'add-member' });
    await clickCell(0);
    await clickCell(1);
    // Invite Member: a click and a dialog opening, which prove open-invite.
    const invite = Array.from(on.dom.document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Invite Member',
    )!;
    invite.click();
    await vi.advanceTimersByTimeAsync(40);
    expect(state()).toEqual({ id: 'enter-email', state: 'active' });
    await clickCell(2);
    await vi.advanceTimersByTimeAsync(UNRECOGNISED_AFTER_ACTIVITY_MS * 2);
    runner.onBatch(on.dom.url());
    expect(state()).toEqual({ id: 'enter-email', state: 'active' });
  });
});
