import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { PopupPage, RegisterPage } from './pages/extension-pages';

const HEADER =
  'account_kind,account_id,account_name,ownership,party_kind,name,email,partner_bc_id,organisation,bc_role,asset_role,status,invited_at,accepted_at';
const row = (i: number, extra: Partial<{ role: string; email: string }> = {}) =>
  `business_center,7012345678901234567,Northwind Outdoor,mine,person,Person ${i},${extra.email ?? `p${i}@example.com`},,Agency ${i % 3},standard,${extra.role ?? 'operator'},active,2026-10-01,2026-10-02`;

test('a grant added in the popup appears in the full register', async ({
  context,
  page,
  extensionId,
}) => {
  const popup = new PopupPage(page, extensionId);
  await popup.goto();
  await popup.quickAdd({
    accountId: '7012345678901234567',
    accountName: 'Northwind Outdoor',
    name: 'Lee Park',
    email: 'lee@harbour.example',
    agency: 'Harbour Media',
  });
  await expect(page.getByRole('status')).toHaveText('Added to the register.');
  await expect(popup.rows.filter({ hasText: 'Lee Park' })).toContainText('Standard · Operator');

  const register = new RegisterPage(await context.newPage(), extensionId);
  await register.goto();
  await expect(register.rows).toHaveCount(1);
  await expect(register.rows).toContainText('Lee Park');
  await expect(register.rows).toContainText('Northwind Outdoor');
  await expect(register.rows).toContainText('Invited');
});

test('a CSV with one bad row writes nothing and names the row', async ({ page, extensionId }) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  const csv = [HEADER, row(1), row(2), row(3, { role: 'Editor' }), row(4)].join('\r\n');
  await register.importFile('team.csv', csv);
  await expect(register.importErrors).toContainText(
    'Nothing was imported from team.csv: 1 problem(s)',
  );
  await expect(register.importErrors).toContainText(
    'Line 4 · asset_role: TikTok has no “Editor” role: the permission that edits campaigns is Operator.',
  );
  await expect(register.emptyState).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('a good CSV imports every row, and the search finds them', async ({ page, extensionId }) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  const csv = `\uFEFF${[HEADER, ...Array.from({ length: 40 }, (_, i) => row(i + 1))].join('\r\n')}`;
  await register.importFile('team.csv', csv);
  await expect(register.importStatus).toContainText(
    'Imported team.csv: 40 added, 0 updated, 0 unchanged.',
  );
  await expect(page.getByTestId('result-count')).toHaveText('40 grants');
  await register.search.fill('person 17');
  await expect(register.rows).toHaveCount(1);
  await expect(register.rows).toContainText('p17@example.com');

  // The same file again: every row matches, nothing changes.
  await register.importFile('team.csv', csv);
  await expect(register.importStatus).toContainText('0 added, 0 updated, 40 unchanged');
});

test('export and re-import gives the same register', async ({ page, extensionId }) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.loadSampleEntries();
  await expect(register.rows).toHaveCount(3);
  const before = await register.rowTexts();
  const backup = await register.exportText('Full backup (JSON)');
  const csv = await register.exportText('Export CSV');
  expect(JSON.parse(backup)).toMatchObject({ format: 'access-companion-backup', schemaVersion: 6 });

  // Start from an empty register: drop the database, then import the backup.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('access-register');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(new Error('delete failed'));
        request.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await expect(register.emptyState).toBeVisible();
  await register.importFile('backup.json', backup, 'application/json');
  await expect(register.importStatus).toContainText('4 added');
  await expect(register.rows).toHaveCount(3);
  expect(await register.rowTexts()).toEqual(before);
  expect(await register.exportText('Full backup (JSON)')).toContain('"schemaVersion":6');

  // The CSV of the same register re-imports with every row matched and unchanged.
  await register.importFile('register.csv', csv);
  await expect(register.importStatus).toContainText('0 added, 0 updated, 4 unchanged');
});

test('reviewing a grant records the decision in its history', async ({ page, extensionId }) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.loadSampleEntries();
  await register.open('Dana Kim');
  await expect(register.detail).toBeVisible();
  await register.detail.getByRole('button', { name: 'Review' }).click();
  await register.detail.getByRole('radio', { name: 'Lower' }).check();
  await register.detail.getByLabel('Ad account permission').selectOption('analyst');
  await register.detail.getByRole('button', { name: 'Sign off review' }).click();
  await expect(
    register.detail.getByRole('alert').or(register.detail.getByText('Write the reason')),
  ).toBeVisible();
  await register.detail.getByLabel('Reason (kept with the review)').fill('Reporting only from Q1');
  await register.detail.getByRole('button', { name: 'Sign off review' }).click();
  await expect(register.detail.getByRole('status')).toHaveText(
    'Review signed off and recorded in the history.',
  );
  const reviewed = register.detail
    .getByTestId('grant-history')
    .locator('li[data-event-type="reviewed"]');
  await expect(reviewed).toContainText('Reviewed · Lower');
  await expect(reviewed).toContainText('Reporting only from Q1');
  await expect(reviewed).toContainText('Standard · Analyst');
  await expect(register.rows.filter({ hasText: 'Dana Kim' })).toContainText('Standard · Analyst');
  expect(await axeViolations(page)).toEqual([]);

  const evidence = await register.exportText('Evidence (JSON)');
  const dana = JSON.parse(evidence).grants.find(
    (g: { party: { name: string } }) => g.party.name === 'Dana Kim',
  );
  expect(dana.reviews).toEqual([
    expect.objectContaining({
      decision: 'lower',
      note: 'Reporting only from Q1',
      snapshot: expect.objectContaining({ assetRole: 'analyst' }),
    }),
  ]);
});

test('an older CSV cannot undo a later revoke: the register says which row it kept', async ({
  page,
  extensionId,
}) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.importFile('team.csv', [HEADER, row(1)].join('\r\n'));
  await expect(register.importStatus).toContainText('1 added');
  const older = await register.exportText('Export CSV');

  // Revoked later: the same export with the status changed, imported as an edit.
  await register.importFile('revoked.csv', older.replace(',active,', ',revoked,'));
  await expect(register.importStatus).toContainText('0 added, 1 updated, 0 unchanged');
  await expect(register.rows).toContainText('Revoked');

  await register.importFile('older.csv', older);
  await expect(register.importStatus).toContainText('0 added, 0 updated, 0 unchanged');
  await expect(page.getByTestId('import-kept-newer')).toHaveText(
    '1 row(s) were older than the register’s grant and were not applied (listed below).',
  );
  await expect(register.rows).toContainText('Revoked');

  // Turning it active again is a move the rules forbid: refused, naming the line.
  const revokedNow = await register.exportText('Export CSV');
  await register.importFile('active.csv', revokedNow.replace(',revoked,', ',active,'));
  await expect(register.importErrors).toContainText('Nothing was imported from active.csv');
  await expect(register.importErrors).toContainText('Line 2 · status');
  await expect(register.rows).toContainText('Revoked');
  expect(await axeViolations(page)).toEqual([]);
});
