/**
 * The revoke checklist on Members pages whose removal flow differs from the one it was written
 * against: a row's ⋯ menu instead of a details drawer, Delete instead of Remove, a confirmation
 * whose button says the verb, a drawer instead of a dialog, a code step titled "Security
 * verification" or "Verify your identity" (one field, or a box per digit), and no success
 * message. Each walks to a run ready to record, with the right person, in English and Spanish.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChecklistProgress } from '@/lib/checklists';
import {
  confirmationCodeStepShown,
  messageElements,
  observePage,
  removeConfirmationShown,
} from '@/lib/tiktok';
import {
  activeStep,
  advanceChecklist,
  checklistById,
  readyToRecord,
  startChecklist,
  stepTarget,
} from '@/lib/checklists';
import { REPLICA_URLS, withVariant } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

type Flag = Parameters<typeof withVariant>[1];

/** A revoke-member run against a replica, read the way the runner reads it after each change. */
class Run {
  readonly c = checklistById('revoke-member');
  progress: ChecklistProgress;
  stale = new WeakSet<Element>();
  constructor(readonly d: ReplicaDom) {
    this.progress = startChecklist('revoke-member', new Date('2026-11-27T10:00:00Z'));
    for (const m of messageElements(d.document)) this.stale.add(m);
    this.step();
  }
  step() {
    this.progress = advanceChecklist(
      this.c,
      this.progress,
      observePage(this.d.document, this.d.url(), this.stale),
    );
    return this.progress.done;
  }
  active() {
    return activeStep(this.c, this.progress)?.id;
  }
  target() {
    const step = activeStep(this.c, this.progress);
    return step ? stepTarget(this.c.id, step.id)?.(this.d.document, this.progress.facts) : null;
  }
}

const WORDS = {
  en: {
    url: REPLICA_URLS.bcMembers,
    who: { name: 'Dana Kim', email: 'dana@brightlane-agency.com' },
    remove: 'Remove',
    del: 'Delete',
    view: 'View',
    viewDetails: 'View details',
  },
  es: {
    url: REPLICA_URLS.bcMembersEs,
    who: { name: '👩‍💻 Ana 🚀', email: 'ana@agencia-norte.es' },
    remove: 'Quitar',
    del: 'Eliminar',
    view: 'Ver',
    viewDetails: 'Ver detalles',
  },
} as const;

function rowOf(d: ReplicaDom, email: string): Element {
  const row = Array.from(d.document.querySelectorAll('tr, [role=row]')).find((r) =>
    r.textContent?.includes(email),
  );
  if (!row) throw new Error(`no row for ${email}`);
  return row;
}

function clickable(scope: ParentNode, text: string): HTMLElement {
  const found = Array.from(
    scope.querySelectorAll<HTMLElement>('button, [role=menuitem], a, [role=button]'),
  ).find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`nothing to click named "${text}"`);
  return found;
}

const openDialog = (d: ReplicaDom) => {
  const all = d.document.querySelectorAll('[role=dialog]');
  return all[all.length - 1]!;
};

async function act(d: ReplicaDom, el: HTMLElement) {
  el.click();
  await d.settle();
}

const VARIANTS: Array<{ flags: Flag[]; lang: 'en' | 'es' }> = [
  { flags: ['row-menu'], lang: 'en' },
  { flags: ['row-menu', 'delete'], lang: 'en' },
  { flags: ['row-menu', 'code-security', 'quiet'], lang: 'en' },
  { flags: ['row-menu', 'delete', 'confirm-drawer', 'code-verify', 'quiet'], lang: 'en' },
  { flags: ['code-security'], lang: 'en' },
  { flags: ['confirm-drawer', 'code-verify', 'quiet'], lang: 'en' },
  { flags: ['row-menu', 'code-security', 'quiet'], lang: 'es' },
  { flags: ['row-menu', 'delete', 'confirm-drawer', 'code-verify'], lang: 'es' },
];

describe('revoke-member on replicas it was not written against', () => {
  it.each(VARIANTS)(
    '$lang $flags: every step ticks, the controls are found, ready to record',
    async ({ flags, lang }) => {
      const w = WORDS[lang];
      dom = await openReplica(withVariant(w.url, ...flags));
      const d = dom;
      const run = new Run(d);
      expect(run.active()).toBe('find-remove');
      const row = rowOf(d, w.who.email);
      const menu = flags.includes('row-menu');
      const verb = flags.includes('delete') ? w.del : menu ? w.remove : w.remove;

      if (menu) {
        // Nothing says Remove until the row's menu opens: the spotlight is on a row's ⋯.
        expect(run.target()?.getAttribute('aria-haspopup')).toBe('menu');
        await act(d, row.querySelector<HTMLElement>('[aria-haspopup=menu]')!);
        run.step();
        const item = run.target();
        expect(item?.getAttribute('role')).toBe('menuitem');
        expect(item?.textContent).toBe(verb);
        await act(d, item as HTMLElement);
      } else {
        await act(d, clickable(row, w.view));
        run.step();
        expect(run.target()?.textContent).toBe(w.remove);
        await act(d, run.target() as HTMLElement);
      }
      expect(removeConfirmationShown(d.document)).toBe(true);
      expect(run.step()).toEqual(['open-members', 'find-remove']);
      expect(run.progress.facts.subject).toMatchObject(w.who);
      expect(run.active()).toBe('confirm-remove');
      const confirm = run.target() as HTMLElement;
      expect(confirm.closest('[role=dialog]')).toBe(openDialog(d));
      await act(d, confirm);

      expect(confirmationCodeStepShown(d.document)).toBe(true);
      expect(run.step()).toEqual(['open-members', 'find-remove', 'confirm-remove']);
      expect(run.active()).toBe('enter-code');
      const field = run.target() as HTMLInputElement;
      expect(field.tagName).toBe('INPUT');
      const fields = flags.includes('code-verify')
        ? Array.from(openDialog(d).querySelectorAll('input'))
        : [field];
      expect(fields[0]).toBe(field);
      '123456'.split('').forEach((digit, i, all) => {
        const f = fields[Math.min(i, fields.length - 1)]!;
        f.value = fields.length === 1 ? all.join('') : digit;
      });
      const submit = Array.from(openDialog(d).querySelectorAll('button')).at(-1)!;
      await act(d, submit);
      run.step();
      expect(run.progress.done).toEqual([
        'open-members',
        'find-remove',
        'confirm-remove',
        'enter-code',
        'row-gone',
      ]);
      expect(readyToRecord(run.c, run.progress)).toBe(true);
      expect(run.progress.facts.subject).toMatchObject(w.who);
    },
  );

  it('started with the code step already open, the row leaving proves every step and names whom', async () => {
    dom = await openReplica(
      withVariant(REPLICA_URLS.bcMembers, 'row-menu', 'code-security', 'quiet'),
    );
    const d = dom;
    await act(d, rowOf(d, 'dana@brightlane-agency.com').querySelector('[aria-haspopup]')!);
    await act(d, clickable(d.document, 'Remove'));
    await act(d, clickable(openDialog(d), 'Remove'));
    // The user opens the guide only now: the confirmation that named Dana is gone.
    const run = new Run(d);
    expect(run.progress.done).toEqual(['open-members', 'find-remove', 'confirm-remove']);
    expect(run.active()).toBe('enter-code');
    expect(run.progress.facts.subject).toBeUndefined();
    openDialog(d).querySelector('input')!.value = '654321';
    await act(d, clickable(openDialog(d), 'Verify'));
    run.step();
    expect(run.progress.done).toContain('row-gone');
    expect(run.progress.facts.subject).toMatchObject({
      name: 'Dana Kim',
      email: 'dana@brightlane-agency.com',
    });
    expect(readyToRecord(run.c, run.progress)).toBe(true);
  });

  it('a page of the table turned is not a removal: nobody is inferred, nothing ticks', async () => {
    dom = await openReplica(withVariant(REPLICA_URLS.bcMembers, 'row-menu'));
    const d = dom;
    const run = new Run(d);
    await act(d, clickable(d.document, '2'));
    run.step();
    await act(d, clickable(d.document, '1'));
    run.step();
    expect(run.progress.facts.subject).toBeUndefined();
    expect(run.progress.done).toEqual(['open-members']);
  });
});

describe('additions proven by the table when no success message is recognised', () => {
  /** TikTok words its message in a way no label knows: only the table can tell. */
  const rewordMessages = (d: ReplicaDom) => {
    for (const m of Array.from(d.document.querySelectorAll('[role=alert] span')))
      m.textContent = 'All set';
  };
  const runOf = (d: ReplicaDom, id: 'add-member' | 'add-partner') => {
    let progress = startChecklist(id, new Date('2026-11-27T10:00:00Z'));
    const stale = new WeakSet<Element>();
    const c = checklistById(id);
    return {
      c,
      step: () => {
        progress = advanceChecklist(c, progress, observePage(d.document, d.url(), stale));
        return progress;
      },
    };
  };

  it('add-member: the invitation listed as Pending proves it sent, ready to record', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembersEs);
    const d = dom;
    const run = runOf(d, 'add-member');
    run.step();
    await act(d, clickable(d.document, 'Invitar miembro'));
    const emails = d.document.querySelector<HTMLTextAreaElement>('#invite-emails')!;
    emails.value = 'nueva@ejemplo.mx';
    d.document.querySelector<HTMLInputElement>('input[value=standard]')!.click();
    run.step();
    await act(d, clickable(openDialog(d), 'Siguiente'));
    run.step();
    await act(d, clickable(openDialog(d), 'Omitir'));
    rewordMessages(d);
    const p = run.step();
    expect(p.done).toContain('confirm');
    expect(readyToRecord(run.c, p)).toBe(true);
    expect(p.facts.emails).toEqual(['nueva@ejemplo.mx']);
  });

  it('add-member: an email the table already listed proves nothing', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembersEs);
    const d = dom;
    const run = runOf(d, 'add-member');
    run.step();
    await act(d, clickable(d.document, 'Invitar miembro'));
    d.document.querySelector<HTMLTextAreaElement>('#invite-emails')!.value = 'ana@agencia-norte.es';
    d.document.querySelector<HTMLInputElement>('input[value=standard]')!.click();
    run.step();
    await act(d, clickable(openDialog(d), 'Cancelar'));
    expect(run.step().done).not.toContain('confirm');
  });

  it('add-partner: the partner listed proves it added, ready to record', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartners);
    const d = dom;
    const run = runOf(d, 'add-partner');
    run.step();
    await act(d, clickable(d.document, 'Add Partners'));
    d.document.querySelector<HTMLInputElement>('#partner-bc-id')!.value = '7066666666666666666';
    run.step();
    await act(d, clickable(openDialog(d), 'Next'));
    d.document.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    run.step();
    await act(d, clickable(openDialog(d), 'Confirm'));
    rewordMessages(d);
    const p = run.step();
    expect(p.done).toContain('confirm');
    expect(readyToRecord(run.c, p)).toBe(true);
  });
});

describe('revoke-partner on replicas it was not written against', () => {
  it.each<Flag[]>([
    ['row-menu', 'quiet'],
    ['row-menu', 'delete', 'confirm-drawer', 'quiet'],
  ])('%j: ⋯ menu → the verb button → the row leaving, ready to record', async (...flags) => {
    dom = await openReplica(withVariant(REPLICA_URLS.bcPartners, ...flags));
    const d = dom;
    const c = checklistById('revoke-partner');
    let progress = startChecklist('revoke-partner', new Date('2026-11-27T10:00:00Z'));
    const step = () =>
      (progress = advanceChecklist(c, progress, observePage(d.document, d.url(), new WeakSet())));
    const target = () => {
      const active = activeStep(c, progress);
      return active ? stepTarget(c.id, active.id)?.(d.document, progress.facts) : null;
    };
    step();
    expect(activeStep(c, progress)?.id).toBe('click-remove');
    expect(target()?.getAttribute('aria-haspopup')).toBe('menu');
    const verb = flags.includes('delete') ? 'Delete' : 'Remove';
    await act(d, rowOf(d, '7034567890123456789').querySelector<HTMLElement>('[aria-haspopup]')!);
    step();
    expect(target()?.textContent).toBe(verb);
    await act(d, target() as HTMLElement);
    expect(step().done).toEqual(['open-partners', 'click-remove']);
    expect(progress.facts.subject).toMatchObject({ partnerBcId: '7034567890123456789' });
    expect((target() as HTMLElement).textContent).toBe(verb);
    await act(d, target() as HTMLElement);
    expect(step().done).toEqual(['open-partners', 'click-remove', 'confirm-remove', 'row-gone']);
    expect(readyToRecord(c, progress)).toBe(true);
  });
});
