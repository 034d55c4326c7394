import { afterEach, describe, expect, it } from 'vitest';
import type { FlowState } from '@/lib/tiktok';
import { readAccessTable, readFlowState, rowDisappeared } from '@/lib/tiktok';
import { NO_FLOW } from '@/lib/tiktok/observe';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { clickByText as click, typeInto as type, openReplica } from '../helpers/replica-dom';

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

const NOTHING: FlowState = NO_FLOW;

const LANGS = {
  en: {
    url: REPLICA_URLS.bcMembers,
    invite: 'Invite Member',
    next: 'Next',
    confirm: 'Confirm',
    view: 'View',
    remove: 'Remove',
    invited: 'Invitation sent',
    removed: 'Member removed',
    member: { name: 'Dana Kim', email: 'dana@brightlane-agency.com' },
    viewIndex: 2,
  },
  es: {
    url: REPLICA_URLS.bcMembersEs,
    invite: 'Invitar miembro',
    next: 'Siguiente',
    confirm: 'Confirmar',
    view: 'Ver',
    remove: 'Eliminar',
    invited: 'Invitación enviada',
    removed: 'Miembro eliminado',
    member: { name: 'Mateo Ruiz', email: 'mateo@tiendasol.mx' },
    viewIndex: 1,
  },
  // A third class generation; the removal's verb ends its title and the code step is called
  // "security verification".
  ja: {
    url: REPLICA_URLS.bcMembersJa,
    invite: 'メンバーを招待',
    next: '次へ',
    confirm: '確認',
    view: '表示',
    remove: '削除',
    invited: '招待を送信しました',
    removed: 'メンバーを削除しました',
    member: { name: '鈴木 一郎', email: 'ichiro@sakura-zakka.jp' },
    viewIndex: 1,
  },
  // Right to left; messages carry a right-to-left mark, which the detectors see through.
  ar: {
    url: REPLICA_URLS.bcMembersAr,
    invite: 'دعوة عضو',
    next: 'التالي',
    confirm: 'تأكيد',
    view: 'عرض',
    remove: 'إزالة',
    invited: '\u200fتم إرسال الدعوة',
    removed: 'تمت إزالة العضو',
    member: { name: 'Omar Said', email: 'omar@alwaha.ae' },
    viewIndex: 1,
  },
} as const;

// The detector matrix: every detector read at every step of each flow, in every language that
// has a replica.
describe.each(Object.entries(LANGS))('flow detectors in %s', (_lang, l) => {
  it('Invite Member: dialog → emails → role → Next → assets step → Confirm → success, new Pending rows', async () => {
    dom = await openReplica(l.url);
    const d = dom;
    expect(readFlowState(d.document)).toEqual(NOTHING);

    await click(d, l.invite);
    expect(readFlowState(d.document)).toEqual({ ...NOTHING, inviteStep: 'details' });

    await type(d, '#invite-emails', 'new.person@example.com, second@example.com');
    expect(readFlowState(d.document)).toEqual({
      ...NOTHING,
      inviteStep: 'details',
      emails: ['new.person@example.com', 'second@example.com'],
    });

    (d.document.querySelector('input[name=invite-role][value=standard]') as HTMLElement).click();
    await d.settle();
    expect(readFlowState(d.document)).toEqual({
      ...NOTHING,
      inviteStep: 'details',
      emails: ['new.person@example.com', 'second@example.com'],
      bcRole: 'standard',
    });

    await click(d, l.next);
    // The assets step: the email field and role are no longer on show; Confirm is.
    expect(readFlowState(d.document)).toEqual({
      ...NOTHING,
      inviteStep: 'assets',
      confirmShown: true,
    });

    await click(d, l.confirm);
    expect(readFlowState(d.document)).toEqual({
      ...NOTHING,
      success: { kind: 'invited', text: l.invited },
    });
    if (l === LANGS.en) {
      // 16 members now: the new invitations are on page 2.
      expect(readAccessTable(d.document).problems[0]).toMatch(/of 16 records/);
      (d.document.querySelector('button[aria-label="Page 2"]') as HTMLElement).click();
      await d.settle();
    }
    const rows = readAccessTable(d.document).rows.map((r) => [r.name, r.email, r.status, r.bcRole]);
    expect(rows).toContainEqual(['', 'new.person@example.com', 'pending', 'standard']);
    expect(rows).toContainEqual(['', 'second@example.com', 'pending', 'standard']);
  });

  it('Remove: member detail → Remove → Confirm → confirmation code → the row disappears', async () => {
    dom = await openReplica(l.url);
    const d = dom;
    const before = readAccessTable(d.document);
    await click(d, l.view, l.viewIndex);
    expect(readFlowState(d.document)).toEqual(NOTHING); // a detail drawer is not a confirmation

    await click(d, l.remove);
    expect(readFlowState(d.document)).toEqual({
      ...NOTHING,
      removeConfirmation: true,
      confirmShown: true,
    });

    await click(d, l.confirm);
    expect(readFlowState(d.document)).toEqual({
      ...NOTHING,
      confirmationCodeStep: true,
      confirmShown: true,
    });
    expect(rowDisappeared(before, readAccessTable(d.document), l.member)).toBe(false);

    await type(d, '#code', '123456');
    await click(d, l.confirm);
    expect(readFlowState(d.document)).toEqual({
      ...NOTHING,
      success: { kind: 'memberRemoved', text: l.removed },
    });
    const after = readAccessTable(d.document);
    expect(after.rows.some((r) => r.email === l.member.email)).toBe(false);
    expect(rowDisappeared(before, after, l.member)).toBe(true);
  });
});

describe('other flows change the replica for real', () => {
  it('Add Partners: BC ID → Next → ad accounts → Confirm adds a partner row', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartners);
    const d = dom;
    await click(d, 'Add Partners');
    await type(d, '#partner-bc-id', '7089012345678901234');
    await click(d, 'Next');
    expect(readFlowState(d.document).confirmShown).toBe(true);
    (d.document.querySelector('#acc-7100000000000000002') as HTMLElement).click();
    await click(d, 'Confirm');
    expect(readFlowState(d.document).success).toEqual({
      kind: 'partnerAdded',
      text: 'Partner added',
    });
    const reading = readAccessTable(d.document);
    expect(reading.complete).toBe(true);
    expect(reading.rows.at(-1)).toEqual({
      kind: 'partner',
      name: 'BC 7089012345678901234',
      partnerBcId: '7089012345678901234',
      status: 'unknown',
    });
  });

  it('Remove partner → Confirm makes its row disappear', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartners);
    const d = dom;
    const before = readAccessTable(d.document);
    await click(d, 'Remove', 1);
    expect(readFlowState(d.document).removeConfirmation).toBe(true);
    await click(d, 'Confirm');
    const after = readAccessTable(d.document);
    expect(
      rowDisappeared(before, after, {
        name: 'Cedar & Co Apparel',
        partnerBcId: '7034567890123456789',
      }),
    ).toBe(true);
    expect(after.rows).toHaveLength(2);
    expect(after.complete).toBe(true);
  });

  it('ad account page: Assign new member → Confirm adds them with the chosen permission', async () => {
    dom = await openReplica(REPLICA_URLS.bcAssetMembers);
    const d = dom;
    await click(d, 'Assign new member');
    expect(readFlowState(d.document).confirmShown).toBe(true);
    (d.document.querySelector('#assign-member') as HTMLSelectElement).value = 'm2';
    (d.document.querySelector('#assign-perm') as HTMLSelectElement).value = 'analyst';
    await click(d, 'Confirm');
    expect(readFlowState(d.document).success?.kind).toBe('memberAssigned');
    expect(readAccessTable(d.document).rows.at(-1)).toEqual({
      kind: 'member',
      name: 'Priya Natarajan',
      email: 'priya@northwind-outdoor.com',
      assetRole: 'analyst',
      status: 'unknown',
    });
  });

  it("the Partner tab's permission dropdown only raises", async () => {
    dom = await openReplica(REPLICA_URLS.bcAssetPartner);
    const select = dom.document.querySelector('[role=tabpanel] select') as HTMLSelectElement;
    const options = Array.from(select.options).map((o) => [o.value, o.disabled]);
    expect(options).toEqual([
      ['analyst', true],
      ['operator', false],
      ['admin', false],
    ]);
    select.value = 'admin';
    select.dispatchEvent(new dom.window.Event('change', { bubbles: true }) as unknown as Event);
    await dom.settle();
    expect(readAccessTable(dom.document).rows[0]?.assetRole).toBe('admin');
  });

  it('a row is not "gone" while the table is only reloading', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const before = readAccessTable(dom.document);
    const loading = {
      rows: [],
      complete: false,
      problems: ['The table of members or partners is still loading.'],
    };
    expect(
      rowDisappeared(before, loading, { name: 'Dana Kim', email: 'dana@brightlane-agency.com' }),
    ).toBe(false);
  });
});
