import { afterEach, describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import { CHECKLIST_WORDS, stepWords } from '@/lib/checklists/words';
import type { ChecklistId, ChecklistProgress } from '@/lib/checklists';
import type { PageKind } from '@/lib/tiktok';
import { messageElements, observePage } from '@/lib/tiktok';
import {
  CHECKLISTS,
  OFFERED_ON,
  advanceChecklist,
  checklistById,
  checklistFinished,
  checklistsOfferedOn,
  laterToRecord,
  readyToRecord,
  startChecklist,
  stepStates,
  stepTarget,
} from '@/lib/checklists';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { clickByText as click, openReplica } from '../helpers/replica-dom';

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

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
      const words = CHECKLIST_WORDS[c.id];
      expect(t(words.title)).not.toBe('');
      expect(t(words.summary)).not.toBe('');
      const ids = c.steps.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of c.steps) {
        const said = stepWords(c.id, s.id);
        expect(t(said.title).length * t(said.help).length).toBeGreaterThan(0);
        if (said.warning) expect(t(said.warning)).not.toBe('');
      }
      // No words for a step the checklist does not have (a renamed id would leave them behind).
      expect(Object.keys(words.steps).sort()).toEqual([...ids].sort());
    }
  });

  it('offers every checklist on the pages it belongs to, in the order of the panel', () => {
    // Every checklist has its pages, and no pages are left for one that is gone.
    expect(Object.keys(OFFERED_ON).sort()).toEqual(CHECKLISTS.map((c) => c.id).sort());
    const ids = (kind: PageKind) => checklistsOfferedOn(kind).map((c) => c.id);
    const all = CHECKLISTS.map((c) => c.id);
    // A member's permission on an ad account is lowered on that account's own access page.
    expect(ids('bc-asset-access')).toEqual(all);
    expect(ids('bc-members')).toEqual(all.filter((id) => id !== 'lower-member'));
    expect(ids('bc-partners')).toEqual(all.filter((id) => id !== 'lower-member'));
    expect(ids('bc-other')).toEqual([]);
    expect(ids('unknown')).toEqual([]);
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
    // The spotlight points at the least privileged role, not at the dialog's first choice.
    const standard = d.document.querySelector(
      'input[name=invite-role][value=standard]',
    ) as HTMLInputElement;
    expect(stepTarget('add-member', 'choose-role')?.(d.document)).toBe(standard);
    standard.click();
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
    expect(stepTarget('add-member', 'open-invite')?.(d.document)).toBeNull();
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

describe('finishing the checklists', () => {
  async function select(d: ReplicaDom, selector: string, value: string) {
    const field = d.document.querySelector(selector) as HTMLSelectElement;
    field.value = value;
    field.dispatchEvent(new d.window.Event('change', { bubbles: true }) as unknown as Event);
    await d.settle();
  }

  it('lower-member follows Edit → a lower permission → Save → the row shows it', async () => {
    dom = await openReplica(REPLICA_URLS.bcAssetMembers);
    const d = dom;
    const run = new Run(d, 'lower-member');
    const c = checklistById('lower-member');
    expect(run.progress.done).toEqual(['open-asset']);
    // The Edit control is found in a row; once a person is known, in their row.
    const edit = stepTarget(c.id, 'open-edit')!;
    expect(edit(d.document)?.textContent).toBe('Edit');
    const danaRow = edit(d.document, { subject: { name: 'Dana Kim' } })?.closest('tr');
    expect(danaRow?.textContent).toContain('dana@brightlane-agency.com');

    await click(d, 'Edit', 1); // Dana Kim, Operator
    expect(run.step()).toEqual(['open-asset', 'open-edit']);
    expect(run.progress.facts.subject).toMatchObject({
      name: 'Dana Kim',
      email: 'dana@brightlane-agency.com',
      assetRole: 'operator',
    });
    expect(run.progress.facts.assigned).toBeUndefined(); // still Operator in the dropdown
    await select(d, 'select[id^=edit-perm]', 'admin');
    expect(run.step()).not.toContain('choose-lower'); // raising is not lowering
    await select(d, 'select[id^=edit-perm]', 'analyst');
    expect(run.step()).toContain('choose-lower');
    expect(run.progress.facts.assigned).toEqual({ who: 'Dana Kim', role: 'analyst' });
    expect(run.progress.done).not.toContain('save');
    await click(d, 'Save');
    expect(run.step()).toEqual(['open-asset', 'open-edit', 'choose-lower', 'save']);
    expect(readyToRecord(c, run.progress)).toBe(true);
    const table = observePage(d.document, d.url()).table;
    expect(table.rows.find((r) => r.name === 'Dana Kim')?.assetRole).toBe('analyst');
  });

  it('lower-member: Save ticks off from the row alone, with no success message', async () => {
    dom = await openReplica(REPLICA_URLS.bcAssetMembers);
    const d = dom;
    const run = new Run(d, 'lower-member');
    await click(d, 'Edit', 0); // Riley Chen, Admin
    run.step();
    await select(d, 'select[id^=edit-perm]', 'operator');
    run.step();
    await click(d, 'Save');
    for (const toast of Array.from(d.document.querySelectorAll('[role=alert]'))) toast.remove();
    expect(run.step()).toContain('save');
    expect(run.progress.facts.subject?.email).toBe('riley@northwind-outdoor.com');
  });

  it('lower-member on the Spanish replica: Editar → Operador → Guardar', async () => {
    dom = await openReplica(REPLICA_URLS.bcAssetMembersEs);
    const d = dom;
    const run = new Run(d, 'lower-member');
    await click(d, 'Editar', 0); // Lucía Fernández, Administrador
    expect(run.step()).toEqual(['open-asset', 'open-edit']);
    expect(run.progress.facts.subject?.assetRole).toBe('admin');
    await select(d, 'select[id^=edit-perm]', 'operator');
    expect(run.step()).toContain('choose-lower');
    await click(d, 'Guardar');
    expect(run.step()).toContain('save');
    expect(run.progress.facts).toMatchObject({
      subject: { email: 'lucia@tiendasol.mx' },
      assigned: { role: 'operator' },
    });
  });

  it('the renamed-control replica variant: Invite Member is not found, so the step is manual', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers, {
      renamed: { 'Invite Member': 'Add people' },
    });
    const d = dom;
    const buttons = Array.from(d.document.querySelectorAll('button')).map((b) => b.textContent);
    expect(buttons).toContain('Add people');
    expect(buttons).not.toContain('Invite Member');
    const c = checklistById('add-member');
    const run = new Run(d, 'add-member');
    expect(stepTarget(c.id, 'open-invite')?.(d.document)).toBeNull();
    expect(stepStates(c, run.progress, new Set(['open-invite']))['open-invite']).toBe('manual');
    // After "I did this" the run goes on from the page as usual.
    run.progress = { ...run.progress, manual: ['open-invite'] };
    await click(d, 'Add people');
    await type(d, '#invite-emails', 'x@example.com');
    expect(run.step()).toContain('enter-email');
    expect(stepStates(c, run.progress)['choose-role']).toBe('active');
  });

  it('a person pre-selected by a reminder is highlighted, and replaced by whom the user removes', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const d = dom;
    const c = checklistById('revoke-member');
    const run = new Run(d, 'revoke-member');
    run.progress = startChecklist('revoke-member', new Date(), {
      subject: { name: 'Alex Moreno', email: 'alex@northwind-outdoor.com' },
    });
    run.step();
    // Not done just because someone is pre-selected: the removal itself proves it.
    expect(stepStates(c, run.progress)['find-remove']).toBe('active');
    const find = stepTarget(c.id, 'find-remove')!;
    expect(find(d.document, run.progress.facts)?.textContent).toBe('alex@northwind-outdoor.com');
    await click(d, 'View', 2); // Dana Kim after all
    await click(d, 'Remove');
    run.step();
    expect(run.progress.facts.subject?.email).toBe('dana@brightlane-agency.com');
  });

  it('the accepted step is written once, after the run is recorded', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const d = dom;
    const c = checklistById('add-member');
    const run = new Run(d, 'add-member');
    run.progress = {
      ...run.progress,
      done: ['open-members', 'open-invite', 'enter-email', 'choose-role', 'choose-accounts'],
      facts: { emails: ['sam.ortiz@gmial.com'] },
    };
    expect(laterToRecord(c, run.progress)).toBeNull();
    (
      d.window as unknown as { __replicaAcceptInvitation: (e: string) => boolean }
    ).__replicaAcceptInvitation('sam.ortiz@gmial.com');
    await d.settle();
    run.progress = { ...run.progress, done: [...run.progress.done, 'confirm'] };
    run.record();
    run.step();
    expect(run.progress.done).toContain('accepted');
    expect(laterToRecord(c, run.progress)?.id).toBe('accepted');
    run.progress = { ...run.progress, laterRecorded: ['accepted'] };
    expect(laterToRecord(c, run.progress)).toBeNull();
  });
});
