/**
 * The runner takes the page's proof in whatever order it comes, including proof that was there
 * before the run reached the page: a removal dialog the user opened while the checklist was
 * being started, or one that opens in the same batch as the start.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlayStore } from '@/lib/overlay/store';
import { ChecklistRunner } from '@/lib/overlay/runner';
import { activeStep, checklistById } from '@/lib/checklists';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';
import { runBeside } from '../helpers/run-beside';

let dom: ReplicaDom | undefined;
let controller: AbortController | undefined;
afterEach(async () => {
  controller?.abort();
  vi.useRealTimers();
  await dom?.close();
});

async function partnersPage() {
  dom = await openReplica(REPLICA_URLS.bcPartners);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const store = createOverlayStore('bc-partners');
  const runner = new ChecklistRunner(dom.document, store);
  const run = runBeside(runner, store);
  controller = new AbortController();
  runner.runRoute(dom.url(), controller.signal);
  await vi.advanceTimersByTimeAsync(40);
  const active = () => {
    const p = store.getState().progress!;
    return activeStep(checklistById(p.checklistId), p)?.id;
  };
  const removeButton = () => {
    const row = [...dom!.document.querySelectorAll('[role=row], tr')].find((r) =>
      r.textContent?.includes('Cedar & Co Apparel'),
    );
    const button = [...(row?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent?.trim() === 'Remove',
    );
    expect(button, 'the replica lists Cedar & Co Apparel with a Remove button').toBeTruthy();
    return button as HTMLButtonElement;
  };
  /** Let the replica render what the click opens, and the runner read it. */
  const settle = async () => {
    for (let i = 0; i < 10; i += 1) {
      await vi.advanceTimersByTimeAsync(40);
      await new Promise((r) => dom!.window.setTimeout(r, 10));
    }
  };
  return { store, run, active, removeButton, settle };
}

describe('proof that comes before or with the start', () => {
  it('a removal dialog already open when the checklist starts: the run is at Confirm', async () => {
    const { run, active, removeButton, settle } = await partnersPage();
    removeButton().click();
    await settle();
    run.ask({ kind: 'start', checklist: 'revoke-partner' });
    await settle();
    expect(active()).toBe('confirm-remove');
  });

  it('Remove clicked in the same moment as the start: the run is at Confirm', async () => {
    const { run, active, removeButton, settle } = await partnersPage();
    run.ask({ kind: 'start', checklist: 'revoke-partner' });
    removeButton().click();
    await settle();
    expect(active()).toBe('confirm-remove');
  });

  it('Remove clicked right after the start: the run is at Confirm', async () => {
    const { run, active, removeButton, settle } = await partnersPage();
    run.ask({ kind: 'start', checklist: 'revoke-partner' });
    await vi.advanceTimersByTimeAsync(5);
    removeButton().click();
    await settle();
    expect(active()).toBe('confirm-remove');
  });
});
