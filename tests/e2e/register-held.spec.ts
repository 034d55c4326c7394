import { REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/extension-pages';

test('visiting the Business Center picker records the client accounts I hold, with my role', async ({
  context,
  page,
  extensionId,
}) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.loadSampleEntries(); // Northwind Outdoor is already recorded as mine

  const picker = await context.newPage();
  await picker.goto(REPLICA_URLS.bcPicker);
  await expect(picker.getByText('Tienda Sol')).toBeVisible();

  await register.tab('Client accounts I hold').click();
  // Sample data held one ad account; the picker adds the three Business Centers not mine.
  await expect(register.rows.filter({ hasText: 'Tienda Sol' })).toHaveCount(1);
  await expect(register.rows.filter({ hasText: 'Tienda Sol' })).toContainText('Standard');
  await expect(register.rows.filter({ hasText: 'Cedar & Co Apparel' })).not.toHaveCount(0);
  // A hostile name stays text.
  await expect(
    register.rows.filter({ hasText: '<b onmouseover=alert(1)>Evil BC</b>' }),
  ).toHaveCount(1);
  await expect(register.rows.filter({ hasText: 'Evil BC' })).toContainText('Admin');
  // My own Business Center is not turned into a client's.
  await expect(register.rows.filter({ hasText: 'Northwind Outdoor' })).toHaveCount(0);

  // Seeing the picker again changes nothing.
  const before = await register.rowTexts();
  await picker.reload();
  await expect(picker.getByText('Tienda Sol')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await register.rowTexts()).toEqual(before);
});
