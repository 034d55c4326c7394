/**
 * `readFlowState` works each state out only when it is read,
 * with the open dialogs found once. Its results must be exactly those of the detectors run one by
 * one (the eager read it replaced), whatever is read and in whatever order, at every state the
 * replicas go through: Invite Member, removal with its confirmation code, partners, the ad
 * account's assign and edit-permission dialogs, in English and Spanish.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlowState } from '@/lib/tiktok';
import {
  chosenBcRole,
  confirmationCodeStepShown,
  confirmationShown,
  enteredEmails,
  inviteDialogStep,
  observePage,
  readFlowState,
  removeConfirmationShown,
  successMessage,
} from '@/lib/tiktok';
import * as dom from '@/lib/tiktok/dom';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { clickByText as click, typeInto as type, openReplica } from '../helpers/replica-dom';

let page: ReplicaDom | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
  vi.restoreAllMocks();
});

/** The eager read: every detector on its own, as readFlowState did before it was lazy. */
function eager(root: Document): FlowState {
  return {
    inviteStep: inviteDialogStep(root),
    emails: enteredEmails(root),
    bcRole: chosenBcRole(root),
    confirmShown: confirmationShown(root),
    success: successMessage(root),
    removeConfirmation: removeConfirmationShown(root),
    confirmationCodeStep: confirmationCodeStepShown(root),
  };
}

const KEYS = [
  'inviteStep',
  'emails',
  'bcRole',
  'confirmShown',
  'success',
  'removeConfirmation',
  'confirmationCodeStep',
] as const satisfies ReadonlyArray<keyof FlowState>;

const seen: string[] = [];

/** The lazy read equals the eager one: all at once, each key alone, and in reverse order. */
function expectSame(d: ReplicaDom, label: string) {
  const root = d.document;
  const want = eager(root);
  expect({ ...readFlowState(root) }, label).toEqual(want);
  for (const key of KEYS) expect(readFlowState(root)[key], `${label}: ${key}`).toEqual(want[key]);
  const backwards = readFlowState(root);
  for (const key of [...KEYS].reverse()) expect(backwards[key]).toEqual(want[key]);
  // Read twice, the same (kept) value.
  expect(backwards.emails).toBe(backwards.emails);
  seen.push(`${label}: ${JSON.stringify(want)}`);
}

const LANGS = {
  en: { url: REPLICA_URLS.bcMembers, invite: 'Invite Member', next: 'Next', confirm: 'Confirm' },
  es: {
    url: REPLICA_URLS.bcMembersEs,
    invite: 'Invitar miembro',
    next: 'Siguiente',
    confirm: 'Confirmar',
  },
} as const;
const VIEW = { en: ['View', 'Remove', 2], es: ['Ver', 'Eliminar', 1] } as const;

describe.each(Object.entries(LANGS))('the lazy flow read in %s', (lang, l) => {
  it('equals the eager read through Invite Member', async () => {
    page = await openReplica(l.url);
    const d = page;
    expectSame(d, 'members page');
    await click(d, l.invite);
    expectSame(d, 'invite open');
    await type(d, '#invite-emails', 'new.person@example.com, second@example.com');
    expectSame(d, 'emails typed');
    (d.document.querySelector('input[name=invite-role][value=standard]') as HTMLElement).click();
    await d.settle();
    expectSame(d, 'role chosen');
    await click(d, l.next);
    expectSame(d, 'assets step');
    await click(d, l.confirm);
    expectSame(d, 'invited');
  });

  it('equals the eager read through a removal and its confirmation code', async () => {
    page = await openReplica(l.url);
    const d = page;
    const [view, remove, index] = VIEW[lang as keyof typeof VIEW];
    await click(d, view, index);
    expectSame(d, 'detail drawer');
    await click(d, remove);
    expectSame(d, 'remove confirmation');
    await click(d, l.confirm);
    expectSame(d, 'confirmation code');
    await type(d, '#code', '123456');
    expectSame(d, 'code typed');
    await click(d, l.confirm);
    expectSame(d, 'removed');
  });
});

describe('the lazy flow read on partners and an ad account', () => {
  it('equals the eager read through Add Partners and a partner removal', async () => {
    page = await openReplica(REPLICA_URLS.bcPartners);
    const d = page;
    await click(d, 'Add Partners');
    expectSame(d, 'add partners');
    await type(d, '#partner-bc-id', '7089012345678901234');
    await click(d, 'Next');
    expectSame(d, 'partner accounts');
    await click(d, 'Confirm');
    expectSame(d, 'partner added');
    await click(d, 'Remove', 1);
    expectSame(d, 'remove partner');
  });

  it('equals the eager read through Assign new member and Edit permission', async () => {
    page = await openReplica(REPLICA_URLS.bcAssetMembers);
    const d = page;
    await click(d, 'Assign new member');
    expectSame(d, 'assign');
    await click(d, 'Cancel');
    await click(d, 'Edit');
    expectSame(d, 'edit permission');
  });

  it('the replica states cover every detector both ways', () => {
    // Each state above was seen both true (or set) and false (or empty) somewhere.
    const all = seen.map((s) => JSON.parse(s.slice(s.indexOf(': ') + 2)) as FlowState);
    for (const key of KEYS) {
      expect(all.some((f) => !f[key] || (Array.isArray(f[key]) && f[key].length === 0))).toBe(true);
      expect(all.some((f) => f[key] && (!Array.isArray(f[key]) || f[key].length > 0))).toBe(true);
    }
  });
});

describe('what a batch pays for', () => {
  it('no checklist state read, no dialog text read; the removal’s code detector only when asked', async () => {
    page = await openReplica(LANGS.en.url);
    const d = page;
    await click(d, LANGS.en.invite);
    await type(d, '#invite-emails', 'new.person@example.com');
    const text = vi.spyOn(dom, 'visibleText');
    const flow = readFlowState(d.document);
    expect(text).not.toHaveBeenCalled();
    // What gatherFacts and the Invite Member steps read: no whole-dialog text read for a code.
    expect([flow.emails, flow.bcRole, flow.inviteStep]).toEqual([
      ['new.person@example.com'],
      null,
      'details',
    ]);
    const before = text.mock.calls.length;
    expect(flow.confirmationCodeStep).toBe(false);
    expect(text.mock.calls.length).toBeGreaterThan(before);
    // observePage still overrules a stale success message through the lazy state.
    const obs = observePage(d.document, d.url(), new WeakSet());
    expect(obs.flow.success).toBeNull();
  });
});
