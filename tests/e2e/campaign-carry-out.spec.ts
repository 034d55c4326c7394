import type { BrowserContext, Locator, Page } from '@playwright/test';
import { BC_MEMBERS_URL } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion } from './pages/companion';
import { RegisterPage } from './pages/extension-pages';
import type { SeedRow } from './pages/seed';

const NORTHWIND = {
  kind: 'businessCenter',
  externalId: '7012345678901234567',
  name: 'Northwind Outdoor',
  ownerBcId: null,
} as const;
const NORTHWIND_US = {
  kind: 'adAccount',
  externalId: '7100000000000000001',
  name: 'Northwind US',
  ownerBcId: NORTHWIND.externalId,
} as const;
const TIENDA_SOL = {
  kind: 'businessCenter',
  externalId: '7098765432109876543',
  name: 'Tienda Sol',
  ownerBcId: null,
} as const;
const BRIGHTLANE_BC_ID = '7023456789012345678';
const DANA: SeedRow = {
  account: NORTHWIND,
  party: {
    kind: 'person',
    name: 'Dana Kim',
    email: 'dana@brightlane-agency.com',
    bcId: null,
    organisation: 'Brightlane Agency',
  },
  bcRole: 'standard',
  status: 'active',
};
const BRIGHTLANE_ON_US: SeedRow = {
  account: NORTHWIND_US,
  party: {
    kind: 'partnerBc',
    name: 'Brightlane Agency',
    email: null,
    bcId: BRIGHTLANE_BC_ID,
    organisation: 'Brightlane Agency',
  },
  assetRole: 'operator',
  status: 'active',
};
const CHRIS_AT_TIENDA_SOL: SeedRow = {
  account: TIENDA_SOL,
  party: {
    kind: 'person',
    name: 'Chris Park',
    email: 'chris@brightlane-agency.com',
    bcId: null,
    organisation: 'Brightlane Agency',
  },
  bcRole: 'standard',
  status: 'active',
};

// Each story walks two or three flows on the replicas in several tabs.
test.describe.configure({ timeout: 180_000 });

const todo = (page: Page, who: string) =>
  page.getByTestId('carry-out-todo').filter({ hasText: who });
const list = (page: Page) => page.getByRole('listbox', { name: 'Items to review' });

/** Click a to-do's "Carry out": Business Center opens in a new tab, on the to-do's page. */
async function carryOut(context: BrowserContext, page: Page, who: string): Promise<Page> {
  const opened = context.waitForEvent('page');
  await todo(page, who).getByRole('link', { name: 'Carry out' }).click();
  const tab = await opened;
  await tab.setViewportSize({ width: 1280, height: 900 });
  return tab;
}

/** Remove a member on the replica's Members page, as the revoke-member checklist walks it. */
async function removeMember(tab: Page, companion: Companion, email: string): Promise<void> {
  const row = tab.getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: 'View' }).click();
  await tab
    .getByRole('dialog', { name: 'Member details' })
    .getByRole('button', { name: 'Remove' })
    .click();
  await companion.expectActive('confirm-remove');
  await tab
    .getByRole('dialog', { name: 'Remove member?' })
    .getByRole('button', { name: 'Confirm' })
    .click();
  await companion.expectActive('enter-code');
  const code = tab.getByRole('dialog', { name: 'Enter the confirmation code' });
  await code.getByLabel('Confirmation code').fill('123456');
  await code.getByRole('button', { name: 'Confirm' }).click();
  await companion.answerRecord();
  await expect(companion.panel.getByTestId('checklist-finished')).toBeVisible();
}

async function checkAxe(page: Page, name: string, where: Locator): Promise<void> {
  await where.scrollIntoViewIfNeeded();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({
      path: `test-results/screenshots/${name}-${colorScheme}.png`,
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a review’s revoke and partner lower, carried out on the replicas and verified; a later visit contradicts the revoke', async ({
  context,
  page,
  extensionId,
  serviceWorker,
}) => {
  const register = new RegisterPage(page, extensionId);
  await register.openSeeded(serviceWorker, [DANA, BRIGHTLANE_ON_US]);

  await page.getByRole('link', { name: 'Access reviews' }).click();
  await page.getByRole('button', { name: 'Start a review' }).click();
  await page.getByLabel('Reviewer').fill('Rita Reviewer');
  await page.getByRole('button', { name: 'Start the review' }).click();
  await expect(page.getByTestId('campaign-progress')).toHaveText('0 of 2 decided');

  // By keyboard: revoke Dana, lower the partner one step (Operator → Analyst).
  await list(page).focus();
  await page.keyboard.press('r');
  await expect(page.getByLabel('Reason', { exact: true })).toBeFocused();
  await page.keyboard.type('Left the agency');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('campaign-progress')).toHaveText('1 of 2 decided');
  await page.keyboard.press('l');
  await expect(page.getByLabel('Ad account permission')).toHaveValue('analyst');
  await page.keyboard.type('Reporting only from now on');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('campaign-progress')).toHaveText('2 of 2 decided');

  // Both decisions are to-dos, by Business Center page.
  const carry = page.getByTestId('carry-out');
  await expect(carry.getByRole('heading', { level: 3 })).toHaveText([
    'Northwind Outdoor · Members',
    'Northwind Outdoor · Partners',
  ]);
  await expect(page.getByTestId('carry-out-progress')).toHaveText(
    '0 of 2 verified on the page · 0 done outside the extension',
  );
  await expect(todo(page, 'Dana Kim')).toHaveAttribute('data-state', 'open');
  await checkAxe(page, 'carry-out-open', carry);

  // Carry out the revoke: Members opens with revoke-member started for Dana.
  const members = await carryOut(context, page, 'Dana Kim');
  const onMembers = await new Companion(members).ready();
  await expect(onMembers.panel.getByTestId('checklist')).toHaveAttribute(
    'data-checklist',
    'revoke-member',
  );
  await expect(onMembers.panel.getByTestId('hinted-for')).toContainText('Dana Kim');
  await removeMember(members, onMembers, 'dana@brightlane-agency.com');
  await expect(todo(page, 'Dana Kim')).toHaveAttribute('data-state', 'verified');
  await expect(todo(page, 'Dana Kim').getByTestId('todo-status')).toContainText(
    'Applied · verified on the page on',
  );
  await expect(todo(page, 'Dana Kim').getByTestId('todo-status')).toContainText(
    'no longer listed on Members.',
  );
  // The panel on TikTok's page says so too, where the user carried it out.
  await expect(onMembers.panel.getByTestId('campaign-verified')).toHaveText(
    'This page shows 1 review decision carried out: it now counts as verified on the page.',
  );

  // Carry out the lower: Partners opens with lower-partner started for Brightlane.
  const partners = await carryOut(context, page, 'Brightlane Agency');
  const onPartners = await new Companion(partners).ready();
  await expect(onPartners.panel.getByTestId('checklist')).toHaveAttribute(
    'data-checklist',
    'lower-partner',
  );
  await onPartners.expectActive('remove-click-remove');
  await partners
    .getByRole('row')
    .filter({ hasText: 'Brightlane Agency' })
    .getByRole('button', { name: 'Remove' })
    .click();
  await onPartners.expectActive('remove-confirm-remove');
  await partners
    .getByRole('dialog', { name: 'Remove partner?' })
    .getByRole('button', { name: 'Confirm' })
    .click();
  await onPartners.expectActive('share-open-add');
  await partners.getByRole('button', { name: 'Add Partners' }).click();
  const dialog = partners.getByRole('dialog', { name: 'Add Partners' });
  await dialog.getByLabel("Partner's BC ID").fill(BRIGHTLANE_BC_ID);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('combobox', { name: 'Permission: Northwind US' }).selectOption('analyst');
  await dialog.getByRole('checkbox', { name: /Northwind US/ }).check();
  await onPartners.expectActive('share-confirm');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await onPartners.answerRecord();
  await expect(onPartners.panel.getByTestId('checklist-finished')).toBeVisible();
  // Applied; the partner's permission shows on the ad account's page, not on Partners.
  await expect(todo(page, 'Brightlane Agency')).toHaveAttribute('data-state', 'applied');
  await partners
    .getByRole('navigation', { name: 'Business Center' })
    .getByRole('link', { name: 'Ad accounts' })
    .click();
  await partners.getByRole('link', { name: 'View', exact: true }).first().click();
  await partners.getByRole('tab', { name: 'Partner' }).click();
  await expect(partners.getByRole('row').filter({ hasText: BRIGHTLANE_BC_ID })).toContainText(
    'Analyst',
  );
  await expect(todo(page, 'Brightlane Agency')).toHaveAttribute('data-state', 'verified');
  await expect(todo(page, 'Brightlane Agency').getByTestId('todo-status')).toContainText(
    'listed on Partners of ad account 7100000000000000001 as Analyst.',
  );
  await expect(page.getByTestId('carry-out-progress')).toHaveText(
    '2 of 2 verified on the page · 0 done outside the extension',
  );
  await expect(page.getByTestId('carry-out-complete')).toBeVisible();
  await checkAxe(page, 'carry-out-verified', carry);

  // A later visit: Members lists Dana again. The revoke is flagged, here and in the popup.
  await members.goto(BC_MEMBERS_URL);
  const later = await new Companion(members).ready();
  await expect(
    members.getByRole('row').filter({ hasText: 'dana@brightlane-agency.com' }),
  ).toHaveCount(1);
  await expect(todo(page, 'Dana Kim')).toHaveAttribute('data-state', 'contradicted');
  await expect(later.panel.getByTestId('campaign-contradicted')).toHaveText(
    'This page shows 1 review decision undone: the review flags it.',
  );
  for (const colorScheme of ['light', 'dark'] as const) {
    await members.emulateMedia({ colorScheme });
    await members.screenshot({
      path: `test-results/screenshots/campaign-news-contradicted-${colorScheme}.png`,
    });
  }
  await members.emulateMedia({ colorScheme: 'light' });
  await expect(todo(page, 'Dana Kim').getByTestId('todo-status')).toContainText(
    'Contradicted by the page on',
  );
  await expect(todo(page, 'Dana Kim').getByTestId('todo-status')).toContainText(
    'listed on Members as Standard.',
  );
  await expect(page.getByTestId('carry-out-complete')).toHaveCount(0);
  await checkAxe(page, 'carry-out-contradicted', carry);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('contradicted')).toContainText(
    'Dana Kim on Northwind Outdoor: the page contradicted the decision on',
  );
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({
      path: `test-results/screenshots/popup-contradicted-${colorScheme}.png`,
    });
  }
});

test('offboarding one agency over two Business Centers ends complete', async ({
  context,
  page,
  extensionId,
  serviceWorker,
}) => {
  const register = new RegisterPage(page, extensionId);
  await register.openSeeded(serviceWorker, [DANA, CHRIS_AT_TIENDA_SOL]);

  // From a grant's detail: offboard the whole organisation.
  await register.open('Dana Kim');
  await page.getByRole('button', { name: 'Offboard the organisation Brightlane Agency' }).click();
  const form = page.getByTestId('offboard-form');
  await expect(form.getByRole('heading', { name: 'Offboard Brightlane Agency' })).toBeFocused();
  await checkAxe(page, 'offboard-form', form);
  await form.getByRole('button', { name: 'Start the offboarding' }).click();
  await expect(form.getByRole('alert')).toHaveText('Say who reviews.');
  await form.getByLabel('Reviewer').fill('Rita Reviewer');
  await form.getByRole('button', { name: 'Start the offboarding' }).click();
  await expect(form.getByRole('alert')).toHaveText('Say why they are offboarded.');
  await form.getByLabel('Reason (required)').fill('Contract with Brightlane ended');
  await form.getByRole('button', { name: 'Start the offboarding' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Offboarding: Agency: Brightlane Agency',
  );
  await expect(page.getByTestId('campaign-progress')).toHaveText('2 of 2 decided');
  const carry = page.getByTestId('carry-out');
  await expect(carry.getByRole('heading', { level: 2 })).toHaveText(
    'Offboarding: everything they hold',
  );
  await expect(carry.getByRole('heading', { level: 3 })).toHaveText([
    'Northwind Outdoor · Members',
    'Tienda Sol · Members',
  ]);
  await expect(page.getByTestId('carry-out-progress')).toHaveText(
    '0 of 2 verified on the page · 0 done outside the extension',
  );

  // Northwind: carried out with the checklist and verified on the page.
  const members = await carryOut(context, page, 'Dana Kim');
  const companion = await new Companion(members).ready();
  await removeMember(members, companion, 'dana@brightlane-agency.com');
  await expect(todo(page, 'Dana Kim')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('carry-out-progress')).toHaveText(
    '1 of 2 verified on the page · 0 done outside the extension',
  );

  // Tienda Sol: done outside the extension, which needs a reason.
  await todo(page, 'Chris Park')
    .getByRole('button', { name: 'Done outside the extension…' })
    .click();
  const reason = todo(page, 'Chris Park').getByLabel('How it was done (required)');
  await expect(reason).toBeFocused();
  await todo(page, 'Chris Park').getByRole('button', { name: 'Mark as done' }).click();
  await expect(todo(page, 'Chris Park')).toContainText(
    'Say how it was done outside the extension.',
  );
  await checkAxe(page, 'offboarding-done-outside', carry);
  await reason.fill('Removed by Tienda Sol’s own admin');
  await todo(page, 'Chris Park').getByRole('button', { name: 'Mark as done' }).click();
  await expect(todo(page, 'Chris Park')).toHaveAttribute('data-state', 'doneOutside');
  await expect(todo(page, 'Chris Park').getByTestId('todo-status')).toContainText(
    'Removed by Tienda Sol’s own admin',
  );
  await expect(page.getByTestId('carry-out-progress')).toHaveText(
    '1 of 2 verified on the page · 1 done outside the extension',
  );
  await expect(page.getByTestId('carry-out-complete')).toHaveText(
    'Offboarding complete: everything they held is verified gone on the page or done outside the extension.',
  );
  await checkAxe(page, 'offboarding-complete', carry);
});
