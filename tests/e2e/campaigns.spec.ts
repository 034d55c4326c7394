import type { Page, Worker } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/extension-pages';
import type { SeedRow } from './pages/seed';
import { NORTHWIND_BC, examplePerson } from './pages/seed';

const ADS = {
  kind: 'adAccount',
  externalId: '7200000000000000001',
  name: 'Northwind Ads',
  ownerBcId: NORTHWIND_BC.externalId,
} as const;

// Walked in the campaign's order: by account, then by name.
const ROWS: SeedRow[] = [
  { account: NORTHWIND_BC, party: examplePerson('Ari'), bcRole: 'admin', status: 'active' },
  {
    account: NORTHWIND_BC,
    party: examplePerson('Bo'),
    bcRole: 'standard',
    assetRole: 'analyst',
    status: 'active',
  },
  { account: NORTHWIND_BC, party: examplePerson('Dana'), bcRole: 'admin', status: 'active' },
  {
    account: NORTHWIND_BC,
    party: examplePerson('Lee'),
    bcRole: 'standard',
    assetRole: 'analyst',
    status: 'invited',
  },
  {
    account: NORTHWIND_BC,
    party: examplePerson('Sam'),
    bcRole: 'standard',
    assetRole: 'operator',
    status: 'active',
  },
  {
    account: ADS,
    party: {
      kind: 'partnerBc',
      name: 'Brightlane BC',
      email: null,
      bcId: '7098765432109876543',
    },
    assetRole: 'admin',
    status: 'active',
  },
];

/** Change a grant's ad-account permission behind the campaign's back, as another tab would. */
async function lowerInRegister(worker: Worker, grantId: string, assetRole: string): Promise<void> {
  await worker.evaluate(
    async ({ grantId, assetRole }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('access-register');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction('grants', 'readwrite');
      const store = tx.objectStore('grants');
      const g = await new Promise<Record<string, unknown>>((resolve) => {
        const req = store.get(grantId);
        req.onsuccess = () => resolve(req.result as Record<string, unknown>);
      });
      store.put({
        ...g,
        assetRole,
        rev: (g.rev as number) + 1,
        updatedAt: new Date().toISOString(),
      });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { grantId, assetRole },
  );
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Items to review' });
const progress = (page: Page) => page.getByTestId('campaign-progress');
const activeItem = (page: Page) => page.locator('[data-testid="campaign-item"][data-active]');

test('a review over a seeded register, decided by keyboard, with a bulk revoke and a flagged item', async ({
  page,
  extensionId,
  serviceWorker,
}) => {
  // Six decisions, a bulk one and axe four times over a page that also lists what to carry out.
  test.setTimeout(90_000);
  const register = new RegisterPage(page, extensionId);
  const ids = await register.openSeeded(serviceWorker, ROWS);

  await page.getByRole('link', { name: 'Access reviews' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Access reviews' })).toBeVisible();
  await page.getByRole('button', { name: 'Start a review' }).click();
  await page.getByLabel('Reviewer').fill('Rita Reviewer');
  await page.getByRole('button', { name: 'Start the review' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Review: Everything in the register',
  );
  await expect(progress(page)).toHaveText('0 of 6 decided');

  // Sam's permission changes after the snapshot: the item is flagged, and says how.
  await lowerInRegister(serviceWorker, ids[4]!, 'analyst');
  await page.reload();
  await page.getByRole('radio', { name: 'Changed since the snapshot' }).check();
  await expect(page.getByTestId('campaign-item')).toHaveCount(1);
  await expect(page.getByTestId('campaign-item')).toContainText('Sam');
  await expect(page.getByTestId('item-flag')).toHaveText(
    'Roles changed since the snapshot: now Standard · Analyst.',
  );
  await page.getByRole('radio', { name: 'All' }).check();

  // Ari holds Admin: K asks for a reason, which takes focus; Enter saves and moves on.
  await list(page).focus();
  await expect(activeItem(page)).toContainText('Ari');
  await page.keyboard.press('k');
  await expect(page.getByLabel('Reason', { exact: true })).toBeFocused();
  await page.keyboard.type('Owner of the Business Center');
  await page.keyboard.press('Enter');
  await expect(progress(page)).toHaveText('1 of 6 decided');
  await expect(activeItem(page)).toContainText('Bo');
  await expect(list(page)).toBeFocused();

  // Bo is Standard · Analyst: keep needs no reason and is saved at once.
  await page.keyboard.press('k');
  await expect(progress(page)).toHaveText('2 of 6 decided');
  await expect(activeItem(page)).toContainText('Dana');

  // Dana lowered to Standard leaves the Business Center with one Admin: warned.
  await page.keyboard.press('l');
  await expect(page.getByLabel('Business Center role')).toHaveValue('standard');
  await page.keyboard.type('Admin is not needed for reporting');
  await page.keyboard.press('Enter');
  await expect(progress(page)).toHaveText('3 of 6 decided');
  await expect(page.getByTestId('admin-warning')).toHaveText(
    'Active Admins left in Northwind after these decisions: 1. TikTok advises keeping at least two.',
  );

  // Lee and Sam selected, revoked together after a confirmation.
  await expect(activeItem(page)).toContainText('Lee');
  await expect(page.getByTestId('item-suggestions')).toContainText(
    'and not accepted: withdraw the invitation.',
  );
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Revoke: 2 items' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Reason')).toBeFocused();
  await page.keyboard.type('Left the agency');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(progress(page)).toHaveText('5 of 6 decided');
  await expect(page.locator('[data-decision="revoke"][data-testid="campaign-item"]')).toHaveCount(
    2,
  );

  // The partner holds Admin: S takes the suggestion (lower to Operator) with its reason.
  await page.keyboard.press('End');
  await expect(activeItem(page)).toContainText('Brightlane BC');
  await expect(page.getByTestId('item-suggestions')).toHaveText(
    'An agency holding Admin: lower to Operator.',
  );
  await page.keyboard.press('s');
  await expect(page.getByLabel('Ad account permission')).toHaveValue('operator');
  await page.keyboard.press('Enter');
  await expect(progress(page)).toHaveText('6 of 6 decided');

  // Changing a decision keeps the earlier one.
  await page.keyboard.press('Home');
  await page.keyboard.press('r');
  await page.keyboard.type('Moved to another team');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('item-earlier')).toContainText('Keep · by Rita Reviewer');
  await expect(page.getByTestId('item-decision')).toContainText('Revoke · by Rita Reviewer');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({
      path: `test-results/screenshots/campaign-${colorScheme}.png`,
      fullPage: true,
    });
  }
  await page.keyboard.press('Space');
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page)).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.getByRole('link', { name: 'Access reviews' }).click();
  await expect(page.getByTestId('campaign-list')).toContainText('6 items');
  expect(await axeViolations(page)).toEqual([]);
});
