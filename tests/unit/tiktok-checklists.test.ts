import { afterEach, describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import type { ChecklistId, ChecklistProgress } from '@/lib/tiktok';
import {
  CHECKLISTS,
  advanceChecklist,
  checklistById,
  checklistFinished,
  messageElements,
  observePage,
  readyToRecord,
  startChecklist,
  stepStates,
} from '@/lib/tiktok';
import { REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from './helpers/replica-dom';
import { openReplica } from './helpers/replica-dom';

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

async function click(d: ReplicaDom, name: string, nth = 0) {
  const found = Array.from(d.document.querySelectorAll('button, a')).filter(
    (b) => b.textContent?.trim() === name,
  );
  const target = found[nth] as HTMLElement | undefined;
  if (!target) throw new Error(`no button "${name}"`);
  target.click();
  await d.settle();
}

async function type(d: ReplicaDom, selector: string, value: string) {
  const field = d.document.querySelector(selector) as HTMLInputElement;
  field.value = value;
  await d.settle();
}

/** A checklist run against a replica, the way the overlay's runner drives it. */
class Run {
  progress: ChecklistProgress;
  stale = new WeakSet<Element>();
  constructor(
    readonly d: ReplicaDom,
    readonly id: ChecklistId,
  ) {
    this.progress = startChecklist(id, new Date('2026-11-27T10:00:00Z'));
    for (const m of messageElements(d.document)) this.stale.add(m);
    this.step();
  }
  step() {
    const c = checklistById(this.id);
    this.progress = advanceChecklist(
      c,
      this.progress,
      observePage(this.d.document, this.d.url(), this.stale),
    );
    return this.progress.done;
  }
  record() {
    this.progress = { ...this.progress, recordedGrantIds: ['g'] };
    return this.step();
  }
}

describe('checklist definitions', () => {
  it('every step has words, and ids are unique per checklist', () => {
    for (const c of CHECKLISTS) {
      expect(t(c.title)).not.toBe('');
      expect(t(c.summary)).not.toBe('');
      const ids = c.steps.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of c.steps) expect(t(s.title).length * t(s.help).length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['en', REPLICA_URLS.bcMembers, 'Invite Member', 'Next', 'Confirm', 'Invitation sent'],
    [
      'es',
      REPLICA_URLS.bcMembersEs,
      'Invitar miembro',
      'Siguiente',
      'Confirmar',
      'Invitación enviada',
    ],
  ])('add-member ticks itself off on the %s replica', async (_l, url, invite, next, confirm) => {
    dom = await openReplica(url);
    const d = dom;
    const run = new Run(d, 'add-member');
    expect(run.progress.done).toEqual(['open-members']);
    const c = checklistById('add-member');
    expect(stepStates(c, run.progress)['open-invite']).toBe('active');

    await click(d, invite);
    expect(run.step()).toEqual(['open-members', 'open-invite']);
    await type(d, '#invite-emails', 'New.Person@Example.com');
    expect(run.step()).toContain('enter-email');
    (
      d.document.querySelector('input[name=invite-role][value=standard]') as HTMLInputElement
    ).click();
    expect(run.step()).toContain('choose-role');
    await click(d, next);
    (d.document.querySelector('input[type=checkbox]') as HTMLInputElement).click();
    expect(run.step()).toContain('choose-accounts');
    expect(readyToRecord(c, run.progress)).toBe(false);
    await click(d, confirm);
    expect(run.step()).toContain('confirm');
    expect(readyToRecord(c, run.progress)).toBe(true);
    expect(stepStates(c, run.progress).record).toBe('active');
    expect(run.progress.facts).toMatchObject({
      emails: ['new.person@example.com'],
      bcRole: 'standard',
      accounts: [
        { id: url.includes('7012') ? '7100000000000000001' : expect.any(String), role: 'operator' },
      ],
    });
    run.record();
    expect(checklistFinished(c, run.progress)).toBe(true);
    expect(run.progress.done).not.toContain('accepted'); // still Pending
  });

  it('an old success message does not tick off a new flow', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const d = dom;
    await click(d, 'Invite Member');
    await type(d, '#invite-emails', 'a@example.com');
    (d.document.querySelector('input[name=invite-role][value=admin]') as HTMLInputElement).click();
    await click(d, 'Next');
    await click(d, 'Confirm'); // "Invitation sent" stays up
    const run = new Run(d, 'add-member');
    await click(d, 'Invite Member');
    run.step();
    await type(d, '#invite-emails', 'b@example.com');
    run.step();
    (d.document.querySelector('input[name=invite-role][value=admin]') as HTMLInputElement).click();
    run.step();
    await click(d, 'Next');
    (d.document.querySelector('input[type=checkbox]') as HTMLInputElement).click();
    expect(run.step()).toContain('choose-accounts');
    expect(run.progress.done).not.toContain('confirm');
    await click(d, 'Confirm');
    expect(run.step()).toContain('confirm');
    expect(run.progress.facts.bcRole).toBe('admin');
  });

  it('revoke-member follows Remove → Confirm → confirmation code → row gone', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const d = dom;
    const run = new Run(d, 'revoke-member');
    await click(d, 'View', 2); // Dana Kim
    expect(run.step()).toEqual(['open-members']);
    await click(d, 'Remove');
    expect(run.step()).toContain('find-remove');
    expect(run.progress.facts.subject).toEqual({
      name: 'Dana Kim',
      email: 'dana@brightlane-agency.com',
      bcRole: 'standard',
    });
    await click(d, 'Confirm');
    expect(run.step()).toContain('confirm-remove');
    expect(run.progress.done).not.toContain('enter-code');
    await type(d, '#code', '123456');
    await click(d, 'Confirm');
    expect(run.step()).toEqual([
      'open-members',
      'find-remove',
      'confirm-remove',
      'enter-code',
      'row-gone',
    ]);
    expect(readyToRecord(checklistById('revoke-member'), run.progress)).toBe(true);
  });

  it('add-partner reads the BC ID and the shared accounts', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartners);
    const d = dom;
    const run = new Run(d, 'add-partner');
    await click(d, 'Add Partners');
    await type(d, '#partner-bc-id', '7055555555555555555');
    expect(run.step()).toEqual(['open-partners', 'open-add']);
    await click(d, 'Next');
    const select = d.document.querySelectorAll('select')[0] as HTMLSelectElement;
    (d.document.querySelector('input[type=checkbox]') as HTMLInputElement).click();
    select.value = 'analyst';
    expect(run.step()).toEqual(['open-partners', 'open-add', 'enter-bc-id', 'choose-accounts']);
    await click(d, 'Confirm');
    expect(run.step()).toContain('confirm');
    expect(run.progress.facts).toMatchObject({
      partnerBcId: '7055555555555555555',
      accounts: [{ id: '7100000000000000001', name: 'Northwind US', role: 'analyst' }],
    });
  });

  it('lower-partner walks both halves: remove, then share again lower', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartners);
    const d = dom;
    const run = new Run(d, 'lower-partner');
    await click(d, 'Remove', 0); // Brightlane Agency
    expect(run.step()).toContain('remove-click-remove');
    expect(run.progress.facts.subject?.partnerBcId).toBe('7023456789012345678');
    await click(d, 'Confirm');
    expect(run.step()).toContain('remove-row-gone');
    expect(run.progress.done).not.toContain('share-open-add');
    await click(d, 'Add Partners');
    await type(d, '#partner-bc-id', '7023456789012345678');
    expect(run.step()).toContain('share-open-add');
    await click(d, 'Next');
    (d.document.querySelector('input[type=checkbox]') as HTMLInputElement).click();
    (d.document.querySelectorAll('select')[0] as HTMLSelectElement).value = 'analyst';
    run.step();
    await click(d, 'Confirm');
    expect(run.step()).toContain('share-confirm');
    expect(readyToRecord(checklistById('lower-partner'), run.progress)).toBe(true);
  });

  it('a renamed control is not found, so the step becomes manual', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const d = dom;
    const button = Array.from(d.document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Invite Member',
    )!;
    button.textContent = 'Add people';
    const step = checklistById('add-member').steps.find((s) => s.id === 'open-invite')!;
    expect(step.target?.(d.document)).toBeNull();
    const run = new Run(d, 'add-member');
    expect(
      stepStates(checklistById('add-member'), run.progress, new Set(['open-invite'])),
    ).toMatchObject({
      'open-members': 'done',
      'open-invite': 'manual',
      'enter-email': 'todo',
    });
  });
});
