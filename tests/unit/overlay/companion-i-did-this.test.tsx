/**
 * Why "I did this" is offered, in the panel's words: "can't find this control" only when the
 * step's control is missing from the page; when the user has been acting on the page without
 * the step being recognised (its control on show, or a step with no control at all), the panel
 * says that instead, in every language the companion has. Driven by the runner on the replica,
 * as in the page, and rendered by the panel from the same store.
 */
import { render, screen } from '@testing-library/react';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CompanionPanel, missingControl } from '@/components/overlay/CompanionPanel';
import {
  UNRECOGNISED_AFTER_ACTIVITY_MS,
  UNRECOGNISED_AFTER_ACTS,
  UNRECOGNISED_AFTER_MS,
} from '@/lib/overlay/unproven-step';
import { stepTarget } from '@/lib/checklists';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import { runnerOnReplicaEachTest } from '../helpers/runner-on-replica';

const on = runnerOnReplicaEachTest(REPLICA_URLS.bcMembers, 'bc-members');

const setUp = () => on.page;

/** Acts on the page that prove nothing (clicks on table cells), spread over the grace. */
async function actAWhile() {
  for (let i = 0; i < UNRECOGNISED_AFTER_ACTS; i++) {
    (on.dom.document.querySelectorAll('td')[i] as HTMLElement).click();
    await vi.advanceTimersByTimeAsync(UNRECOGNISED_AFTER_ACTIVITY_MS / UNRECOGNISED_AFTER_ACTS);
  }
  await vi.advanceTimersByTimeAsync(100);
}

const CANT_FIND = /can’t find this control/;

describe('the words beside "I did this"', () => {
  it('acting a while with the control on show: the panel does not say it cannot find it', async () => {
    const { run, store } = await setUp();
    // happy-dom lays nothing out: the step's control (a row's View) gets the box a browser gives.
    const view = stepTarget('revoke-member', 'find-remove')!(on.dom.document)!;
    view.getBoundingClientRect = () => ({ top: 240, left: 866, width: 58, height: 29 }) as DOMRect;
    run.ask({ kind: 'start', checklist: 'revoke-member' });
    await actAWhile();
    expect(store.getState().unrecognised).toContain('find-remove');
    expect(store.getState().target).not.toBeNull(); // the control is outlined on the page
    render(<CompanionPanel store={store} onOpenRegister={vi.fn()} />);
    const note = screen.getByTestId('unrecognised');
    expect(note.dataset.reason).toBe('unproven');
    expect(note.textContent).not.toMatch(CANT_FIND);
    expect(note.textContent).toMatch(/working on the page/);
    expect(screen.getByRole('button', { name: 'I did this' })).toBeTruthy();
  });

  it('a step with no control at all (their row leaving): not "can’t find" either', async () => {
    const { run, store } = await setUp();
    run.ask({ kind: 'start', checklist: 'revoke-member' });
    for (const step of ['find-remove', 'confirm-remove', 'enter-code'])
      run.ask({ kind: 'manual', step: step });
    await actAWhile();
    expect(store.getState().unrecognised).toContain('row-gone');
    render(<CompanionPanel store={store} onOpenRegister={vi.fn()} />);
    expect(screen.getByTestId('unrecognised').dataset.reason).toBe('unproven');
    expect(screen.getByTestId('unrecognised').textContent).not.toMatch(CANT_FIND);
  });

  it('the control missing from the settled page: the panel says it cannot find it', async () => {
    const { run, store } = await setUp();
    // TikTok renamed the button the step looks for.
    for (const b of on.dom.document.querySelectorAll('button'))
      if (b.textContent?.trim() === 'Invite Member') b.textContent = 'Add people';
    run.ask({ kind: 'start', checklist: 'add-member' });
    await vi.advanceTimersByTimeAsync(UNRECOGNISED_AFTER_MS + 100);
    expect(store.getState().unrecognised).toContain('open-invite');
    render(<CompanionPanel store={store} onOpenRegister={vi.fn()} />);
    const note = screen.getByTestId('unrecognised');
    expect(note.dataset.reason).toBe('missing');
    expect(note.textContent).toMatch(CANT_FIND);
  });
});

describe('the two reasons', () => {
  it('missing only when the step has a control and none is outlined', () => {
    const box = { top: 1, left: 1, width: 1, height: 1 };
    expect(stepTarget('add-member', 'open-invite')).toBeDefined();
    expect(stepTarget('revoke-member', 'row-gone')).toBeUndefined();
    expect(missingControl('add-member', 'open-invite', null)).toBe(true);
    expect(missingControl('add-member', 'open-invite', box)).toBe(false);
    expect(missingControl('revoke-member', 'row-gone', null)).toBe(false);
    expect(missingControl('revoke-member', 'row-gone', box)).toBe(false);
  });

  it('are worded differently in every language the companion has', () => {
    const languages = readdirSync('public/_locales');
    expect(languages.length).toBeGreaterThanOrEqual(2);
    for (const lang of languages) {
      const messages = JSON.parse(
        readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'),
      ) as Record<string, { message: string }>;
      const missing = messages.overlay_unrecognised?.message;
      const unproven = messages.overlay_unproven?.message;
      expect(missing, lang).toBeTruthy();
      expect(unproven, lang).toBeTruthy();
      expect(unproven, lang).not.toBe(missing);
      // The first clause of "missing" says the control cannot be found; "unproven" never does.
      const cantFind = missing!.split(/[;.]/)[0]!;
      expect(unproven!.includes(cantFind), lang).toBe(false);
    }
  });
});
