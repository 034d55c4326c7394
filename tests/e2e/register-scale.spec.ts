import { expect, test } from './fixtures';
import { PopupPage, RegisterPage } from './pages/extension-pages';

const HEADER =
  'account_kind,account_id,account_name,ownership,party_kind,name,email,organisation,bc_role,asset_role,status,accepted_at';

test('10,000 grants: the list stays virtualized and reaches the last row by scrolling', async ({
  page,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  const rows = Array.from(
    { length: 10_000 },
    (_, i) =>
      `business_center,70${String(i % 500).padStart(17, '0')},Client ${i % 500},mine,person,Person ${String(i).padStart(5, '0')},p${i}@example.com,Agency ${i % 40},standard,operator,active,2026-10-01`,
  );
  await register.importFile('big.csv', [HEADER, ...rows].join('\n'));
  await expect(register.importStatus).toContainText('10000 added', { timeout: 90_000 });
  // After the commit the register is read again in pages, the page responsive meanwhile: on a
  // busy machine that takes longer than an assertion's default wait.
  await expect(page.getByTestId('result-count')).toHaveText('10,000 grants', { timeout: 30_000 });
  await expect(page.getByTestId('grant-table')).toHaveAttribute('aria-rowcount', '10001');
  // Only what is on screen (plus a few) is in the DOM.
  expect(await register.rows.count()).toBeLessThan(60);

  await page.getByLabel('Sort by').selectOption('party');
  // The default order is newest change first (descending); switch to ascending.
  await page.getByRole('button', { name: /^Descending order/ }).click();
  await expect(register.rows.first()).toContainText('Person 00000');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(register.rows.filter({ hasText: 'Person 09999' })).toBeVisible();
  expect(await register.rows.count()).toBeLessThan(60);
});

test('the popup works from the keyboard alone: search, open a grant in the register', async ({
  context,
  page,
  extensionId,
}) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.loadSampleEntries();
  await expect(register.rows).toHaveCount(3);

  const popupPage = await context.newPage();
  const popup = new PopupPage(popupPage, extensionId);
  await popup.goto();
  await expect(popup.rows).toHaveCount(4);
  // Tab from the top of the page to the search box.
  for (
    let i = 0;
    i < 30 && !(await popup.search.evaluate((el) => el === document.activeElement));
    i++
  ) {
    await popupPage.keyboard.press('Tab');
  }
  await expect(popup.search).toBeFocused();
  await popupPage.keyboard.type('dana');
  await expect(popup.rows).toHaveCount(1);
  await popupPage.keyboard.press('Tab');
  await expect(popupPage.getByRole('button', { name: /Dana Kim/ })).toBeFocused();
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    popupPage.keyboard.press('Enter'),
  ]);
  await expect(tab.getByTestId('grant-detail')).toContainText('Dana Kim · Northwind Outdoor');
});
