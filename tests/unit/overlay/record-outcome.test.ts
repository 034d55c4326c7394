/**
 * Recording never depends on the steps in the middle: once the outcome is proven (the member's
 * row gone) the companion frame asks the user to record the revoke, even when the page showed
 * the steps between in a way no detector knows, and even when the run began halfway through;
 * the register is written only when the user chooses Record.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlayStore } from '@/lib/overlay/store';
import { ChecklistRunner } from '@/lib/overlay/runner';
import { companionFrame } from '../helpers/companion-frame';
import { REPLICA_URLS, withVariant } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

let dom: ReplicaDom | undefined;
let controller: AbortController | undefined;
afterEach(async () => {
  controller?.abort();
  await dom?.close();
  dom = undefined;
});

async function runnerOn(d: ReplicaDom) {
  const store = createOverlayStore('bc-members');
  const runner = new ChecklistRunner(d.document, store);
  const record = vi.fn(async (_request: unknown) => ({ grantIds: ['g1'] }));
  const { frame, recorder, run } = companionFrame(runner, store, {
    rows: async () => [],
    record,
  });
  controller = new AbortController();
  runner.runRoute(d.url(), controller.signal);
  const recorded = () =>
    record.mock.calls.map(([data]) => data as { action: string; party: { email?: string } });
  return { frame, recorder, run, recorded };
}

/** Let the replica react and the runner's batch (30 ms after the changes) run. */
async function settle(d: ReplicaDom) {
  await d.settle();
  await new Promise((r) => setTimeout(r, 80));
}

async function click(d: ReplicaDom, el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
  await settle(d);
}

const byText = (scope: ParentNode, text: string) =>
  Array.from(scope.querySelectorAll('button, [role=menuitem]')).find(
    (b) => b.textContent?.trim() === text,
  );
const lastDialog = (d: ReplicaDom) =>
  Array.from(d.document.querySelectorAll('[role=dialog]')).at(-1)!;
const danaRow = (d: ReplicaDom) =>
  Array.from(d.document.querySelectorAll('tr')).find((r) =>
    r.textContent?.includes('dana@brightlane-agency.com'),
  );

describe('the register is written on the proven outcome', () => {
  it('a code step no detector knows is skipped over: the row leaving records the revoke', async () => {
    dom = await openReplica(withVariant(REPLICA_URLS.bcMembers, 'row-menu', 'quiet'));
    const d = dom;
    // This build's code step carries neither known words nor a code-shaped field.
    new d.window.MutationObserver(() => {
      for (const i of Array.from(d.document.querySelectorAll('#code'))) {
        i.removeAttribute('autocomplete');
        i.removeAttribute('maxlength');
        i.removeAttribute('inputmode');
      }
      for (const l of Array.from(d.document.querySelectorAll('label[for=code], [role=dialog] h2')))
        if (/code/i.test(l.textContent ?? '')) l.textContent = 'One more thing';
      for (const p of Array.from(d.document.querySelectorAll('[role=dialog] p')))
        if (/code/i.test(p.textContent ?? '')) p.textContent = 'Check your inbox.';
    }).observe(d.window.document.body, { childList: true, subtree: true });
    const { frame, recorder, run, recorded } = await runnerOn(d);
    run.ask({ kind: 'start', checklist: 'revoke-member' });
    await settle(d);
    await click(d, danaRow(d)?.querySelector('[aria-haspopup=menu]'));
    await click(d, byText(d.document, 'Remove'));
    await click(d, byText(lastDialog(d), 'Remove'));
    expect(frame.getState().progress?.done).toEqual(['open-members', 'find-remove']);
    const code = lastDialog(d).querySelector('input')!;
    code.value = '123456';
    await click(d, byText(lastDialog(d), 'Confirm'));
    // The frame asks; nothing is written until the user says so, by the frame or the agent.
    await vi.waitFor(() => expect(frame.getState().recordAsk).toHaveLength(1), { timeout: 3000 });
    expect(frame.getState().recordAsk![0]).toMatch(
      /^Access removed: .*\(dana@brightlane-agency\.com\)$/,
    );
    expect(recorded()).toEqual([]);
    await recorder.confirm();
    expect(recorded()).toHaveLength(1);
    expect(frame.getState().recordAsk).toBeNull();
    expect(recorded()[0]).toMatchObject({
      action: 'revoke',
      party: { email: 'dana@brightlane-agency.com' },
    });
    await vi.waitFor(() =>
      expect(frame.getState().progress?.done).toEqual([
        'open-members',
        'find-remove',
        'confirm-remove',
        'enter-code',
        'row-gone',
        'record',
      ]),
    );
  });

  it('a run begun at the code step records whom the row leaving shows', async () => {
    dom = await openReplica(
      withVariant(REPLICA_URLS.bcMembers, 'row-menu', 'code-verify', 'quiet'),
    );
    const d = dom;
    const { run, recorded, frame, recorder } = await runnerOn(d);
    await click(d, danaRow(d)?.querySelector('[aria-haspopup=menu]'));
    await click(d, byText(d.document, 'Remove'));
    await click(d, byText(lastDialog(d), 'Remove'));
    run.ask({ kind: 'start', checklist: 'revoke-member' });
    await settle(d);
    const boxes = Array.from(lastDialog(d).querySelectorAll('input'));
    boxes.forEach((b, i) => (b.value = String(i)));
    await click(d, byText(lastDialog(d), 'Submit'));
    await vi.waitFor(() => expect(frame.getState().recordAsk).toHaveLength(1), { timeout: 3000 });
    await recorder.confirm();
    expect(recorded()).toHaveLength(1);
    expect(recorded()[0]).toMatchObject({
      action: 'revoke',
      party: { email: 'dana@brightlane-agency.com' },
    });
  });
});
