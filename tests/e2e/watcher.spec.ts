import type { Worker } from '@playwright/test';
import { NOT_TIKTOK_URL } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';

/** What the background has recorded about tabs (`tab-context:` in session storage, lib/background). */
function tabContexts(worker: Worker) {
  return worker.evaluate(
    async () =>
      Object.entries(await chrome.storage.session.get(null))
        .filter(([key]) => key.startsWith('tab-context:'))
        .map(([, value]) => value) as { url: string; kind: string; orgId: string | null }[],
  );
}

test('on Business Center Members the watcher runs and the overlay appears', async ({
  page,
  serviceWorker,
}) => {
  const members = new MembersPage(page);
  await members.goto();
  await members.companion.ready();
  await expect(members.panel).toBeVisible();
  await expect(members.panel).toHaveAttribute('data-page-kind', 'bc-members');
  await expect(members.overlayHost).toHaveCount(1);

  // The panel lives in an extension frame inside a closed shadow root: TikTok's scripts see the
  // host element and nothing in it.
  expect(await members.overlayHost.evaluate((host) => host.shadowRoot)).toBeNull();
  expect(await members.overlayHost.evaluate((host) => host.childNodes.length)).toBe(0);

  await expect
    .poll(() => tabContexts(serviceWorker))
    .toContainEqual(expect.objectContaining({ kind: 'bc-members', orgId: '7012345678901234567' }));

  await members.waitForTable();
  expect(await axeViolations(members.companion.frame())).toEqual([]);
});

test('the overlay follows client-side navigation away from and back to Members', async ({
  page,
}) => {
  const members = new MembersPage(page);
  await members.goto();
  await members.companion.ready();
  await expect(members.panel).toBeVisible();

  await members.openSection('Overview');
  await expect(page).toHaveURL(/\/manage\/overview\?org_id=/);
  await members.companion.expectGone();

  await members.openSection('Members');
  await members.companion.ready();
  await expect(members.panel).toBeVisible();
  await expect(members.overlayHost).toHaveCount(1);
});

test('the overlay can be collapsed to a button and opened again from the keyboard', async ({
  page,
}) => {
  const members = new MembersPage(page);
  await members.goto();
  await members.companion.ready();
  await members.panel.getByRole('button', { name: 'Collapse' }).click();
  const launcher = members.companion.launcher;
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await launcher.focus();
  await page.keyboard.press('Enter');
  await expect(members.panel).toBeVisible();
});

test('on a page that is not TikTok nothing runs and nothing changes', async ({
  page,
  serviceWorker,
}) => {
  await page.goto(NOT_TIKTOK_URL);
  const before = await page.content();
  await page.waitForTimeout(1_000); // the watcher would have reported by now
  await expect(page.locator('tt-access-companion')).toHaveCount(0);
  expect(await page.content()).toBe(before);
  expect(await tabContexts(serviceWorker)).toEqual([]);
});
