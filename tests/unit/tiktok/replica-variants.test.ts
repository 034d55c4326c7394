/**
 * The replicas for the cases real TikTok pages bring and the first replicas lacked: other
 * languages (Japanese, Arabic right to left), a third generation of class names, a tab bar above
 * the Members table, a grid whose first row is its header, a page-size selector, rows
 * virtualized in a scroll box. Each is checked to be what it claims (so a later edit cannot
 * quietly turn it back into the easy case), then read by the readers and driven through its
 * flows in its own language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  LABELS,
  classifyPage,
  confirmationCodeField,
  dialogTitled,
  readAccessTable,
  readFlowState,
  rowDisappeared,
} from '@/lib/tiktok';
import { queryAllDeep } from '@/lib/tiktok/dom';
import { SELECTORS } from '@/lib/tiktok/selectors';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import {
  AL_WAHA_MEMBERS,
  SAKURA_JP_MEMBERS,
  SAKURA_MEMBERS,
} from '../helpers/replica-expectations';
import type { ReplicaDom } from '../helpers/replica-dom';
import { clickByText as click, openReplica, typeInto as type } from '../helpers/replica-dom';

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});
const open = async (url: string) => (dom = await openReplica(url));

const classNames = (d: ReplicaDom) =>
  Array.from(d.document.querySelectorAll('[class]')).flatMap((e) => Array.from(e.classList));

describe('languages and a third class generation', () => {
  it('the Japanese Business Center uses neither bc-okee- nor bui- classes, and its hashes change per load', async () => {
    const first = await open(REPLICA_URLS.bcMembersJa);
    expect(first.document.documentElement.lang).toBe('ja');
    const names = classNames(first);
    expect(names.some((c) => /^(bc-okee|bui)-/.test(c))).toBe(false);
    const tableClass = names.find((c) => /^Table_tableRow__/.test(c))!;
    expect(tableClass).toBeDefined();
    await first.close();
    const second = await open(REPLICA_URLS.bcMembersJa);
    expect(classNames(second)).not.toContain(tableClass);
  });

  it('the Arabic Business Center is right to left and its labels carry bidi marks', async () => {
    const d = await open(REPLICA_URLS.bcMembersAr);
    expect(d.document.documentElement.lang).toBe('ar');
    expect(d.document.documentElement.dir).toBe('rtl');
    expect(d.document.querySelector('main')!.textContent).toMatch(/[\u200f\u2067]/);
  });

  it.each([
    ['bcMembersJa', SAKURA_MEMBERS],
    ['bcMembersAr', AL_WAHA_MEMBERS],
  ] as const)(
    '%s is read whole: every row, role and status in its language',
    async (page, rows) => {
      const d = await open(REPLICA_URLS[page]);
      const reading = readAccessTable(d.document);
      expect(reading.rows).toEqual(rows);
      expect(reading.complete).toBe(true);
      expect(reading.problems).toEqual([]);
    },
  );

  it.each([
    ['bcMembersJa', 'bc-members', 'メンバー'],
    ['bcPartnersJa', 'bc-partners', 'パートナー'],
    ['bcAssetMembersJa', 'bc-asset-access', 'さくら雑貨 JP'],
    ['bcMembersAr', 'bc-members', 'الأعضاء'],
    ['bcPartnersAr', 'bc-partners', 'الشركاء'],
  ] as const)('%s is classified %s (heading "%s")', async (page, kind, heading) => {
    const d = await open(REPLICA_URLS[page]);
    expect(d.document.querySelector('main h1')!.textContent).toBe(heading);
    expect(classifyPage(d.url(), d.document)).toBe(kind);
  });

  it('the Japanese ad account page: its members with their permissions, and the Edit permission dialog', async () => {
    const d = await open(REPLICA_URLS.bcAssetMembersJa);
    expect(readAccessTable(d.document).rows).toEqual(SAKURA_JP_MEMBERS);
    await click(d, '編集', 1);
    expect(dialogTitled(d.document, LABELS.editPermissionTitle)).not.toBeNull();
    const select = dialogTitled(d.document, LABELS.editPermissionTitle)!.querySelector('select')!;
    select.value = 'analyst';
    await click(d, '保存');
    expect(readFlowState(d.document).success?.kind).toBe('saved');
    expect(readAccessTable(d.document).rows[1]?.assetRole).toBe('analyst');
  });
});

// Partner removal per language: the title names the verb (first in Arabic, last in Japanese).
describe.each([
  ['en', REPLICA_URLS.bcPartners, 'Remove', 'Confirm', 'Partner removed', 1],
  ['ja', REPLICA_URLS.bcPartnersJa, '削除', '確認', 'パートナーを削除しました', 0],
  ['ar', REPLICA_URLS.bcPartnersAr, 'إزالة', 'تأكيد', 'تمت إزالة الشريك', 0],
] as const)('removing a partner in %s', (_lang, url, remove, confirm, removed, index) => {
  it('a removal confirmation, then the success message and the row gone', async () => {
    const d = await open(url);
    const before = readAccessTable(d.document);
    const who = before.rows[index]!;
    await click(d, remove, index);
    expect(readFlowState(d.document)).toMatchObject({
      removeConfirmation: true,
      confirmShown: true,
      confirmationCodeStep: false,
    });
    await click(d, confirm);
    expect(readFlowState(d.document).success).toEqual({ kind: 'partnerRemoved', text: removed });
    expect(rowDisappeared(before, readAccessTable(d.document), who)).toBe(true);
  });
});

describe('the confirmation-code step under another name', () => {
  it.each([
    ['ja', REPLICA_URLS.bcMembersJa, '表示', '削除', '確認', 'セキュリティ認証'],
    ['ar', REPLICA_URLS.bcMembersAr, 'عرض', 'إزالة', 'تأكيد', 'التحقق الأمني'],
  ] as const)(
    '%s: "%s" … is found as the code step, and its field',
    async (_l, url, view, remove, confirm, title) => {
      const d = await open(url);
      await click(d, view);
      await click(d, remove);
      await click(d, confirm);
      expect(d.document.querySelector('[role=dialog] h2')!.textContent).toBe(title);
      expect(readFlowState(d.document).confirmationCodeStep).toBe(true);
      expect(confirmationCodeField(d.document)?.id).toBe('code');
    },
  );
});

describe('layout variants of the Users pages', () => {
  it('tabs: a "Members | Partners" tab bar above the table, switching pages like the menu', async () => {
    const d = await open(REPLICA_URLS.bcMembersTabs);
    const tabs = Array.from(d.document.querySelectorAll('main [role=tablist] [role=tab]'));
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['Members', 'true'],
      ['Partners', 'false'],
    ]);
    const tablist = d.document.querySelector('main [role=tablist]')!;
    const table = d.document.querySelector('main table')!;
    // The tab bar comes before the table in the page.
    expect(tablist.compareDocumentPosition(table) & 4).toBe(4);
    expect(d.url().pathname).toBe('/manage/users/members');
    expect(readAccessTable(d.document).rows).toHaveLength(10);
    (tabs[1] as HTMLElement).click();
    await d.settle();
    expect(d.url().pathname).toBe('/manage/users/partners');
    expect(d.url().searchParams.get('layout')).toBe('tabs');
    expect(d.document.querySelector('main [role=tab][aria-selected=true]')!.textContent).toBe(
      'Partners',
    );
    expect(readAccessTable(d.document).rows.map((r) => r.partnerBcId)).toEqual([
      '7023456789012345678',
      '7034567890123456789',
      '7045678901234567890',
    ]);
  });

  it('tabs in Japanese too', async () => {
    const d = await open(REPLICA_URLS.bcMembersTabsJa);
    expect(
      Array.from(d.document.querySelectorAll('main [role=tab]')).map((t) => t.textContent),
    ).toEqual(['メンバー', 'パートナー']);
    expect(readAccessTable(d.document).rows).toEqual(SAKURA_MEMBERS);
  });

  it('grid: one [role=grid] whose first row holds the column headers, in the same row group as the data', async () => {
    const d = await open(REPLICA_URLS.bcMembersGrid);
    const grid = d.document.querySelector('main [role=grid]')!;
    expect(d.document.querySelector('main table, main [role=table]')).toBeNull();
    const rows = Array.from(grid.querySelectorAll('[role=row]'));
    expect(rows).toHaveLength(11);
    expect(rows[0]!.querySelectorAll('[role=columnheader]')).toHaveLength(6);
    expect(rows[0]!.parentElement).toBe(rows[1]!.parentElement);
    expect(rows[1]!.querySelectorAll('[role=gridcell]')).toHaveLength(6);
    expect(queryAllDeep(d.document, SELECTORS.table.alternatives)).toContain(grid);
    // Every data row is read, whatever the readers make of the header row.
    expect(readAccessTable(d.document).rows.map((r) => r.email)).toEqual(
      rows.slice(1).map((r) => r.querySelector('a.member-email')!.textContent),
    );
  });

  it('pager: a page-size selector; choosing 20 a page shows all 14 members and the reading is complete', async () => {
    const d = await open(REPLICA_URLS.bcMembersPaged);
    const size = d.document.querySelector('main select') as HTMLSelectElement;
    expect(Array.from(size.options).map((o) => o.textContent)).toEqual([
      '10 / page',
      '20 / page',
      '50 / page',
    ]);
    let reading = readAccessTable(d.document);
    expect(reading.rows).toHaveLength(10);
    expect(reading.complete).toBe(false);
    size.value = '20';
    size.dispatchEvent(new d.window.Event('change', { bubbles: true }) as unknown as Event);
    await d.settle();
    reading = readAccessTable(d.document);
    expect(reading.rows).toHaveLength(14);
    expect(reading.complete).toBe(true);
  });

  it('virtual: only the rows in view are in the DOM; scrolling swaps them; the grid counts them all', async () => {
    const d = await open(REPLICA_URLS.bcMembersVirtual);
    const grid = d.document.querySelector('main [role=grid]')!;
    expect(grid.getAttribute('aria-rowcount')).toBe('15'); // the header and 14 members
    const keys = () =>
      Array.from(grid.querySelectorAll('[role=row][data-row-key]')).map((r) =>
        r.getAttribute('data-row-key'),
      );
    expect(keys()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    const reading = readAccessTable(d.document);
    expect(reading.rows).toHaveLength(7);
    // Not every member is on show: the reading must not claim to be whole.
    expect(reading.complete).toBe(false);
    const scroller = grid.querySelector('[tabindex="0"]') as HTMLElement;
    scroller.scrollTop = 44 * 7;
    scroller.dispatchEvent(new d.window.Event('scroll') as unknown as Event);
    await d.settle();
    expect(keys()).toEqual(['m8', 'm9', 'm10', 'm11', 'm12', 'm13', 'm14']);
    expect(
      Array.from(grid.querySelectorAll('[role=row][data-row-key]')).map((r) =>
        r.getAttribute('aria-rowindex'),
      ),
    ).toEqual(['9', '10', '11', '12', '13', '14', '15']);
  });
});

describe('flows run in the new layouts too', () => {
  it('removing a member from the tabbed Members page: code step, message, row gone', async () => {
    const d = await open(REPLICA_URLS.bcMembersTabs);
    const before = readAccessTable(d.document);
    await click(d, 'View', 2);
    await click(d, 'Remove');
    expect(readFlowState(d.document).removeConfirmation).toBe(true);
    await click(d, 'Confirm');
    expect(readFlowState(d.document).confirmationCodeStep).toBe(true);
    await type(d, '#code', '123456');
    await click(d, 'Confirm');
    expect(readFlowState(d.document).success?.kind).toBe('memberRemoved');
    expect(
      rowDisappeared(before, readAccessTable(d.document), {
        name: 'Dana Kim',
        email: 'dana@brightlane-agency.com',
      }),
    ).toBe(true);
  });
});
