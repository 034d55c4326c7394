import type { Worker } from '@playwright/test';
import { BC_MEMBERS_URL, REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion } from './pages/companion';
import { MembersPage } from './pages/members-page';

test('navigating away and back keeps progress', async ({ page }) => {
  const members = new MembersPage(page);
  await members.goto();
  const companion = await new Companion(page).ready();
  await companion.start('Add an account manager as a member');
  await page.getByRole('button', { name: 'Invite Member' }).click();
  await companion.expectActive('enter-email');
  await page
    .getByRole('dialog', { name: 'Invite Member' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await members.openSection('Overview'); // not an access page: the panel goes
  await companion.expectGone();
  await members.openSection('Partners');
  await companion.ready();
  await expect(companion.panel).toHaveAttribute('data-page-kind', 'bc-partners');
  await companion.expectDone('open-members', 'open-invite');
  await companion.expectActive('enter-email');
  await members.openSection('Members');
  await companion.ready();
  await companion.expectActive('enter-email');
});

test('a control TikTok renamed falls back to "I did this", and the run goes on', async ({
  page,
}, testInfo) => {
  await page.goto(BC_MEMBERS_URL);
  await page.getByText('Records in Total').waitFor();
  // The replica as TikTok might ship it tomorrow: the Invite Member button renamed.
  await page.getByRole('button', { name: 'Invite Member' }).evaluate((b) => {
    b.textContent = 'Add people';
  });
  const companion = await new Companion(page).ready();
  await companion.start('Add an account manager as a member');
  await companion.expectActive('open-invite', 'manual');
  await expect(companion.step('open-invite').getByTestId('unrecognised')).toContainText(
    'can’t find this control',
  );
  await expect(companion.step('open-invite').getByTestId('unrecognised')).toHaveAttribute(
    'data-reason',
    'missing',
  );
  expect(await companion.spotlightBox()).toBeNull();
  await companion.shoot(testInfo, 'i-did-this');
  expect(await axeViolations(companion.frame())).toEqual([]);
  await companion.step('open-invite').getByRole('button', { name: 'I did this' }).click();
  await expect(companion.step('open-invite')).toHaveAttribute('data-state', 'done');
  await page.getByRole('button', { name: 'Add people' }).click();
  await page
    .getByRole('dialog', { name: 'Invite Member' })
    .getByLabel('Email address(es)')
    .fill('x@example.com');
  await companion.expectActive('choose-role');
});

/** The panel's remembered choices as extension storage holds them. */
async function storedPrefs(serviceWorker: Worker) {
  return serviceWorker.evaluate(async () => {
    const got = await chrome.storage.local.get('overlay-prefs');
    return got['overlay-prefs'] as { collapsed?: boolean; closedOn?: string[] } | undefined;
  });
}

test('collapse, move and close are remembered', async ({ page, serviceWorker }) => {
  await page.goto(BC_MEMBERS_URL);
  const companion = await new Companion(page).ready();
  await expect(companion.panel).toBeVisible();
  // With no side chosen and nothing running it keeps clear of the table's row actions and the
  // navigation, and covers the least of the table's text it can: whole, so that the checklists
  // are offered at once.
  await expect.poll(async () => (await companion.frameBox())!.height).toBeGreaterThan(300);
  await expect.poll(async () => (await companion.frameBox())!.x).toBeLessThan(100);
  // The user puts it on the right: there it stays, whole (over the table's controls, as asked).
  await companion.panel.getByRole('button', { name: 'Move to the right' }).click();
  await expect.poll(async () => (await companion.panel.boundingBox())!.x).toBeGreaterThan(600);
  await expect.poll(async () => (await companion.frameBox())!.height).toBeGreaterThan(300);
  await companion.panel.getByRole('button', { name: 'Collapse' }).click();
  await expect(companion.launcher).toBeVisible();
  // The frame shrinks to the launcher: it leaves the page usable around it.
  await expect.poll(async () => (await companion.frameBox())!.width).toBeLessThan(300);
  // The choice is written a moment after the click: a reload waits for it, as a person would.
  await expect.poll(async () => (await storedPrefs(serviceWorker))?.collapsed).toBe(true);
  await page.reload();
  await companion.ready();
  await expect(companion.launcher).toBeVisible();
  await companion.launcher.click();
  await expect.poll(async () => (await companion.panel.boundingBox())!.x).toBeGreaterThan(600);
  await companion.panel.getByRole('button', { name: 'Close for this page' }).click();
  await expect(companion.panel).toHaveCount(0);
  // Closed: the frame is hidden too, so it takes no clicks from the page.
  await expect.poll(() => companion.frameBox()).toBeNull();
  await expect.poll(async () => (await storedPrefs(serviceWorker))?.closedOn?.length).toBe(1);
  await page.reload();
  await page.getByText('Records in Total').waitFor();
  await expect(page.locator('tt-access-companion')).toHaveCount(1);
  await page.waitForTimeout(500);
  await expect(companion.panel).toHaveCount(0);
  // Closed for this page only: Partners still has it.
  await page.goto(REPLICA_URLS.bcPartners);
  await companion.ready();
  await expect(companion.panel).toBeVisible();
});

test('keyboard only: start a checklist, reach the control, confirm a manual step, abandon', async ({
  page,
}) => {
  await page.goto(REPLICA_URLS.bcMembersEs);
  const companion = await new Companion(page).ready();
  await expect(companion.panel).toBeVisible();
  await page.getByText('registros en total').waitFor();
  // The checklists are offered at once: from the first, Tab down to the last.
  await companion.panel.getByRole('button', { name: 'Add an account manager as a member' }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await expect(companion.panel.getByRole('button', { name: 'Troubleshoot access' })).toBeFocused();
  await page.keyboard.press('Enter');
  await companion.expectActive('invitation-email', 'manual');
  // First the troubleshoot card's person picker, then the step's own button.
  await page.keyboard.press('Tab');
  await expect(companion.panel.getByLabel('Whom is this about?')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(
    companion.step('invitation-email').getByRole('button', { name: 'I did this' }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await companion.expectActive('invitation-resend');
  // "Go to the control" moves focus to the highlighted control on TikTok's page.
  const go = companion.panel.getByRole('button', { name: 'Go to the control' });
  await go.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'ana@agencia-norte.es' })).toBeFocused();
  await page.keyboard.press('Enter'); // opens the member's details, where Resend is
  await companion.expectSpotlightOn(page.getByRole('button', { name: 'Reenviar' }));
  await page.getByRole('button', { name: 'Reenviar' }).focus();
  await page.keyboard.press('Enter');
  await expect(companion.step('invitation-resend')).toHaveAttribute('data-state', 'done');
  const abandon = companion.panel.getByRole('button', { name: 'Abandon checklist' });
  await abandon.focus();
  await page.keyboard.press('Enter');
  await expect(companion.panel.getByText(/Guided checklists/)).toBeVisible();
});

test('nothing is injected on Ads Manager or the Business Center picker', async ({ page }) => {
  for (const url of [REPLICA_URLS.adsDashboard, REPLICA_URLS.bcPicker]) {
    await page.goto(url);
    await page.waitForTimeout(800);
    await expect(page.locator('tt-access-companion')).toHaveCount(0);
  }
});
