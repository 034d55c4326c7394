import { BC_MEMBERS_URL, REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion } from './pages/companion';
import { MembersPage } from './pages/members-page';

test('navigating away and back keeps progress', async ({ page }) => {
  const members = new MembersPage(page);
  await members.goto();
  const companion = new Companion(page);
  await companion.start('Add an account manager as a member');
  await page.getByRole('button', { name: 'Invite Member' }).click();
  await companion.expectActive('enter-email');
  await page
    .getByRole('dialog', { name: 'Invite Member' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await members.openSection('Overview'); // not an access page: the panel goes
  await expect(companion.panel).toHaveCount(0);
  await members.openSection('Partners');
  await expect(companion.panel).toHaveAttribute('data-page-kind', 'bc-partners');
  await companion.expectDone('open-members', 'open-invite');
  await companion.expectActive('enter-email');
  await members.openSection('Members');
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
  const companion = new Companion(page);
  await companion.start('Add an account manager as a member');
  await companion.expectActive('open-invite', 'manual');
  await expect(companion.step('open-invite').getByTestId('unrecognised')).toContainText(
    'can’t find this control',
  );
  await expect(companion.spotlight).toHaveCount(0);
  await companion.shoot(testInfo, 'i-did-this');
  expect(await axeViolations(page, 'tt-access-companion')).toEqual([]);
  await companion.step('open-invite').getByRole('button', { name: 'I did this' }).click();
  await expect(companion.step('open-invite')).toHaveAttribute('data-state', 'done');
  await page.getByRole('button', { name: 'Add people' }).click();
  await page
    .getByRole('dialog', { name: 'Invite Member' })
    .getByLabel('Email address(es)')
    .fill('x@example.com');
  await companion.expectActive('choose-role');
});

test('collapse, move and close are remembered', async ({ page }) => {
  await page.goto(BC_MEMBERS_URL);
  const companion = new Companion(page);
  await expect(companion.panel).toBeVisible();
  const box = await companion.panel.boundingBox();
  expect(box!.x).toBeGreaterThan(600);
  await companion.panel.getByRole('button', { name: 'Move to the left' }).click();
  await expect.poll(async () => (await companion.panel.boundingBox())!.x).toBeLessThan(100);
  await companion.panel.getByRole('button', { name: 'Collapse' }).click();
  const launcher = page
    .locator('tt-access-companion')
    .getByRole('button', { name: 'Access Companion' });
  await expect(launcher).toBeVisible();
  await page.reload();
  await expect(launcher).toBeVisible();
  await launcher.click();
  await expect.poll(async () => (await companion.panel.boundingBox())!.x).toBeLessThan(100);
  await companion.panel.getByRole('button', { name: 'Close for this page' }).click();
  await expect(companion.panel).toHaveCount(0);
  await page.reload();
  await page.getByText('Records in Total').waitFor();
  await expect(page.locator('tt-access-companion')).toHaveCount(1);
  await expect(companion.panel).toHaveCount(0);
  // Closed for this page only: Partners still has it.
  await page.goto(REPLICA_URLS.bcPartners);
  await expect(companion.panel).toBeVisible();
});

test('keyboard only: start a checklist, reach the control, confirm a manual step, abandon', async ({
  page,
}) => {
  await page.goto(REPLICA_URLS.bcMembersEs);
  const companion = new Companion(page);
  await expect(companion.panel).toBeVisible();
  await page.getByText('registros en total').waitFor();
  // Open the folded menu with the keyboard, then Tab down to the last checklist.
  await companion.panel.getByText(/Guided checklists/).focus();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
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
