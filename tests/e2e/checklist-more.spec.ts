import { BC_MEMBERS_URL, REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion, readRegister } from './pages/companion';

test("lower a member's permission on an ad account: assign the lower permission → recorded as a role change", async ({
  page,
  serviceWorker,
}, testInfo) => {
  await page.goto(REPLICA_URLS.bcAssetMembers);
  const companion = new Companion(page);
  await companion.start('Lower a member’s permission');
  await companion.expectDone('open-asset');
  await companion.expectActive('edit-permission');
  await page.getByRole('button', { name: 'Assign new member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign new member' });
  await dialog.getByLabel('Member').selectOption({ label: 'Dana Kim' });
  await dialog.getByLabel('Permission').selectOption('analyst');
  await companion.expectSpotlightOn(dialog.getByRole('button', { name: 'Confirm' }));
  await companion.shoot(testInfo, 'assign-lower');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await companion.expectDone('edit-permission', 'record');
  const register = await readRegister(serviceWorker);
  expect(register.parties.map((p) => p.email)).toEqual(['dana@brightlane-agency.com']);
  expect(register.accounts.map((a) => [a.kind, a.externalId, a.name, a.ownerBcId])).toEqual([
    ['adAccount', '7100000000000000001', 'Northwind US', '7012345678901234567'],
  ]);
  expect(register.grants.map((g) => [g.assetRole, g.status])).toEqual([['analyst', 'active']]);
  expect(register.events.map((e) => [e.type, e.checklist])).toEqual([['created', 'lower-member']]);
});

test('progress belongs to its tab: another tab on the same Business Center starts clean', async ({
  context,
  page,
}) => {
  await page.goto(BC_MEMBERS_URL);
  const first = new Companion(page);
  await first.start('Add an account manager as a member');
  await first.expectActive('open-invite');
  const other = await context.newPage();
  await other.goto(BC_MEMBERS_URL);
  const second = new Companion(other);
  await expect(second.panel.getByTestId('checklist-menu')).toBeVisible();
  await expect(second.panel.getByTestId('checklist')).toHaveCount(0);
  await page.bringToFront();
  await page.reload();
  await first.expectActive('open-invite');
});

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });
  test('the overlay is axe-clean in dark mode, with a checklist and advice showing', async ({
    page,
  }, testInfo) => {
    await page.goto(REPLICA_URLS.bcPartners);
    const companion = new Companion(page);
    await companion.start('Revoke a partner');
    await page.getByText('Records in Total').waitFor();
    await page
      .getByTestId('reconcile-card')
      .getByText(/differ/)
      .click();
    await companion.shoot(testInfo, 'dark');
    expect(await axeViolations(page, 'tt-access-companion')).toEqual([]);
  });
});
