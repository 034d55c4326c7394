import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/extension-pages';
import type { SeedRow } from './pages/seed';
import { NORTHWIND_BC, examplePerson } from './pages/seed';

const ROWS: SeedRow[] = [
  { account: NORTHWIND_BC, party: examplePerson('Ari'), bcRole: 'admin', status: 'active' },
  { account: NORTHWIND_BC, party: examplePerson('Bo'), bcRole: 'standard', status: 'active' },
];

async function saved(page: Page, button: string): Promise<string> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

test('the review report: CSV and JSON with their hashes, the printable page, and an edited file caught', async ({
  page,
  extensionId,
  serviceWorker,
}) => {
  // Two downloads, two axe runs per scheme and five screenshots: more than the usual 30 s on a
  // loaded machine.
  test.setTimeout(120_000);
  const register = new RegisterPage(page, extensionId);
  await register.openSeeded(serviceWorker, ROWS);

  await page.getByRole('link', { name: 'Access reviews' }).click();
  await page.getByRole('button', { name: 'Start a review' }).click();
  await page.getByLabel('Reviewer').fill('Rita Reviewer');
  await page.getByRole('button', { name: 'Start the review' }).click();
  await expect(page.getByTestId('campaign-progress')).toHaveText('0 of 2 decided');

  // Ari: revoke, with a reason a spreadsheet would run as a formula.
  await page.getByRole('listbox', { name: 'Items to review' }).focus();
  await page.keyboard.press('r');
  await page.keyboard.type('=contract ended');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('campaign-progress')).toHaveText('1 of 2 decided');

  const csv = await saved(page, 'Export report (CSV)');
  const lines = csv.split('\r\n');
  expect(lines[0]).toContain('record,campaign_id,scope,reviewer');
  expect(lines).toHaveLength(5);
  expect(csv).toContain("'=contract ended");
  expect(csv).toContain('Rita Reviewer');
  const json = await saved(page, 'Export report (JSON)');
  const file = JSON.parse(json) as { rows: Record<string, string>[] };
  expect(file.rows.map((r) => r.record)).toEqual(['campaign', 'item', 'item', 'digest']);
  const ari = file.rows.find((r) => r.party_name === 'Ari')!;
  expect(ari).toMatchObject({ decision: 'revoke', reason: '=contract ended' });
  expect(ari.row_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(file.rows.find((r) => r.party_name === 'Bo')).toMatchObject({ decision: 'undecided' });

  // The printable page.
  await page.getByRole('link', { name: 'Printable report' }).click();
  const report = page.getByTestId('campaign-report');
  await expect(report).toContainText('Rita Reviewer');
  await expect(report.getByRole('row')).toHaveCount(3);
  await expect(report).toContainText('Not carried out');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({
      path: `test-results/screenshots/campaign-report-${colorScheme}.png`,
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Checking files: the untouched one checks out; one with a decision changed names its row.
  await page.getByRole('link', { name: 'Back to the review' }).click();
  await page.getByRole('link', { name: 'Access reviews' }).click();
  const input = page.getByTestId('report-check-file');
  const result = page.getByTestId('report-check-result');
  await input.setInputFiles({
    name: 'report.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
  await expect(result).toHaveText(/no row was changed, added or removed/);
  const index = file.rows.indexOf(ari);
  ari.decision = 'keep';
  await input.setInputFiles({
    name: 'edited.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(result).toHaveText(`Altered: row(s) ${index + 1}.`);
  await input.setInputFiles({
    name: 'edited.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv.replace('Rita Reviewer', 'Someone Else')),
  });
  await expect(result).toHaveText(/Altered: row\(s\) 1\./);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({
    path: 'test-results/screenshots/campaign-report-check-dark.png',
    timeout: 30_000,
  });
});
