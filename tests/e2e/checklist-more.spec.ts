import { BC_MEMBERS_URL, REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion } from './pages/companion';

test('progress belongs to its tab: another tab on the same Business Center starts clean', async ({
  context,
  page,
}) => {
  await page.goto(BC_MEMBERS_URL);
  const first = await new Companion(page).ready();
  await first.start('Add an account manager as a member');
  await first.expectActive('open-invite');
  const other = await context.newPage();
  await other.goto(BC_MEMBERS_URL);
  const second = await new Companion(other).ready();
  await expect(second.panel.getByTestId('checklist-menu')).toBeVisible();
  await expect(second.panel.getByTestId('checklist')).toHaveCount(0);
  await page.bringToFront();
  await page.reload();
  await first.ready();
  await first.expectActive('open-invite');
});

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });
  test('the overlay is axe-clean in dark mode, with a checklist and advice showing', async ({
    page,
  }, testInfo) => {
    await page.goto(REPLICA_URLS.bcPartners);
    const companion = await new Companion(page).ready();
    await companion.start('Revoke a partner');
    await page.getByText('Records in Total').waitFor();
    await companion.panel
      .getByTestId('reconcile-card')
      .getByText(/differ/)
      .click();
    await companion.shoot(testInfo, 'dark');
    expect(await axeViolations(companion.frame())).toEqual([]);
  });
});
