import { expect, test } from './fixtures';
import { RegisterPage } from './pages/extension-pages';

const HEADER =
  'account_kind,account_id,account_name,ownership,party_kind,name,email,organisation,bc_role,asset_role,status,accepted_at';
const csv = (count: number, from = 0) =>
  [
    HEADER,
    ...Array.from({ length: count }, (_, k) => {
      const i = from + k;
      return `business_center,70${String(i % 900).padStart(17, '0')},Client ${i % 900},mine,person,Person ${i},p${i}@example.com,Agency ${i % 40},standard,operator,active,2026-10-01`;
    }),
  ].join('\n');

test('a large import runs in a worker: progress, the page answers, Cancel writes nothing', async ({
  page,
  extensionId,
}) => {
  test.setTimeout(180_000);
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.loadSampleEntries();
  await expect(register.rows).toHaveCount(3);

  await register.importFile('big.csv', csv(60_000));
  const progress = page.getByTestId('import-progress');
  // The write has begun (the bar has a total and a value) …
  await expect(progress).toHaveAttribute('max', '60000', { timeout: 60_000 });
  await expect
    .poll(async () => Number(await progress.getAttribute('value')), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  // … and the page still answers input while it runs: the search filters the sample rows.
  await register.search.fill('dana');
  await expect(page.getByTestId('result-count')).toHaveText('1 grants');
  await register.search.fill('');

  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-cancelled')).toContainText('nothing was written', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('result-count')).toHaveText('3 grants');
  await expect(register.rows).toHaveCount(3);

  // A smaller import finishes, and the list shows its rows without a reload.
  await register.importFile('small.csv', csv(500, 100_000));
  await expect(register.importStatus).toContainText('500 added', { timeout: 60_000 });
  await expect(page.getByTestId('result-count')).toHaveText('503 grants');
});

test('a bad file lists its first problems and counts the rest', async ({ page, extensionId }) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.importFile('bad.csv', csv(3000).replaceAll(',active,', ',nonsense,'));
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('3000 problem(s)', { timeout: 60_000 });
  await expect(errors.locator('li')).toHaveCount(200);
  await expect(errors).toContainText('…and 2800 more.');
  await expect(register.emptyState).toBeVisible();
});
