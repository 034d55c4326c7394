import type { Worker } from '@playwright/test';
import { REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { PAGE_KINDS } from '../unit/helpers/replica-expectations';
import { expect, test } from './fixtures';
import { Companion } from './pages/companion';
import { MembersPage } from './pages/members-page';

const ACCESS = new Set(['bc-members', 'bc-partners', 'bc-asset-access']);

/**
 * The kind the background last recorded for the only tab (its `tab-context:` entry in session
 * storage, lib/background; other entries there, such as the picker's question, are not kinds).
 */
async function recordedKinds(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () =>
    Object.entries(await chrome.storage.session.get(null))
      .filter(([key]) => key.startsWith('tab-context:'))
      .map(([, c]) => (c as { kind: string }).kind),
  );
}

const pages = Object.entries(PAGE_KINDS) as Array<[keyof typeof PAGE_KINDS, string]>;

for (const [page, kind] of pages) {
  test(`the watcher classifies the ${page} replica on its real URL as ${kind}`, async ({
    page: tab,
    serviceWorker,
  }) => {
    await tab.goto(REPLICA_URLS[page]);
    // The single sign-on host is outside the extension's host permissions: nothing runs there.
    const expected = page === 'ssoLogin' ? [] : [kind];
    await expect.poll(() => recordedKinds(serviceWorker)).toEqual(expected);
    const overlay = tab.locator('tt-access-companion');
    if (ACCESS.has(kind) && page !== 'bcPartnersNewRoute') {
      await expect((await new Companion(tab).ready()).panel).toBeVisible();
    } else if (!ACCESS.has(kind)) {
      // Quiet: nothing injected, and once the page has rendered nothing more changes in it.
      await tab.waitForTimeout(700); // longer than any replica takes to render late content
      const before = await tab.evaluate(() => document.documentElement.outerHTML);
      await tab.waitForTimeout(500);
      await expect(overlay).toHaveCount(0);
      expect(await tab.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    }
  });
}

test('the watcher follows pushState from Overview to Members and back', async ({
  page,
  serviceWorker,
}) => {
  const bc = new MembersPage(page);
  await bc.goto(REPLICA_URLS.bcOverview);
  await expect.poll(() => recordedKinds(serviceWorker)).toEqual(['bc-other']);
  await expect(bc.overlayHost).toHaveCount(0);

  await bc.openSection('Members');
  await expect(page).toHaveURL(/\/manage\/users\/members\?org_id=/);
  await expect.poll(() => recordedKinds(serviceWorker)).toEqual(['bc-members']);
  await bc.companion.ready();
  await expect(bc.panel).toBeVisible();
  await bc.waitForTable();

  await page.goBack();
  await expect(page).toHaveURL(/\/manage\/overview\?org_id=/);
  await expect.poll(() => recordedKinds(serviceWorker)).toEqual(['bc-other']);
  await bc.companion.expectGone();
});

test('an unknown route whose page shows Partners is confirmed as Partners by the page', async ({
  page,
  serviceWorker,
}) => {
  await page.goto(REPLICA_URLS.bcPartnersNewRoute);
  await page.getByText('3 Records in Total').waitFor();
  await expect.poll(() => recordedKinds(serviceWorker)).toEqual(['bc-partners']);
  // The overlay follows the page's word, not the unknown URL's.
  await expect((await new Companion(page).ready()).panel).toHaveAttribute(
    'data-page-kind',
    'bc-partners',
  );
});

test('hostile names stay text in the real browser (no image loads, no script runs)', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(REPLICA_URLS.bcMembers);
  await page.getByText('<img src=x onerror=alert(1)>').waitFor();
  await page.goto(REPLICA_URLS.bcPartners);
  await page.getByText('<script>alert("p")</script> Growth Partners').waitFor();
  expect(dialogs).toEqual([]);
  // The network guard (fixtures.ts) fails the test had `<img src=x>` been rendered as HTML.
});

test('the watcher follows every Business Center route of the replica by pushState', async ({
  page,
  serviceWorker,
}) => {
  const bc = new MembersPage(page);
  await bc.goto(REPLICA_URLS.bcMembers);
  await expect.poll(() => recordedKinds(serviceWorker)).toEqual(['bc-members']);
  await bc.openSection('Partners');
  await expect.poll(() => recordedKinds(serviceWorker)).toEqual(['bc-partners']);
  await bc.companion.ready();
  await expect(bc.panel).toHaveAttribute('data-page-kind', 'bc-partners');
  await bc.openSection('Ad accounts');
  await expect.poll(() => recordedKinds(serviceWorker)).toEqual(['bc-other']);
  await bc.companion.expectGone();
  await page
    .getByRole('row', { name: /Northwind US/ })
    .getByRole('link', { name: 'View' })
    .click();
  await expect(page).toHaveURL(/\/manage\/accounts\/adv\/detail\?/);
  await expect.poll(() => recordedKinds(serviceWorker)).toEqual(['bc-asset-access']);
  await bc.companion.ready();
  await expect(bc.panel).toBeVisible();
  await page.getByRole('tab', { name: 'Partner' }).click();
  await expect(page).toHaveURL(/tab=partner/);
  await expect.poll(() => recordedKinds(serviceWorker)).toEqual(['bc-asset-access']);
});
