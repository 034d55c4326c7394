import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { OptionsPage, PopupPage, RegisterPage } from './pages/extension-pages';

test('the popup opens, says what the tab is and is accessible', async ({ page, extensionId }) => {
  const popup = new PopupPage(page, extensionId);
  await popup.goto();
  await expect(
    page.getByRole('heading', { name: 'Access Companion for TikTok Ads' }),
  ).toBeVisible();
  await expect(popup.tabContext).toHaveText('Not a TikTok Business Center or Ads Manager page.');
  await expect(page.getByTestId('popup-empty')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('the register opens empty, loads sample entries and shows both perspectives', async ({
  page,
  extensionId,
}) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await expect(register.emptyState).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await register.loadSampleEntries();
  await expect(register.rows).toHaveCount(3);
  await expect(register.rows.filter({ hasText: 'Dana Kim' })).toContainText('Standard · Operator');

  await register.tab('People with access to my accounts').press('ArrowRight');
  await expect(register.tab('Client accounts I hold')).toHaveAttribute('aria-selected', 'true');
  await expect(register.rows).toHaveCount(1);
  await expect(register.rows).toContainText('Cedar & Co Apparel');
  expect(await axeViolations(page)).toEqual([]);
});

test('the options page gets an answer from the service worker over the typed protocol', async ({
  page,
  extensionId,
}) => {
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  await expect(options.backgroundStatus).toHaveText(
    /^Background running · version 0\.1\.0 · register schema v6 · 0 grants recorded$/,
  );
  expect(await axeViolations(page)).toEqual([]);
});

test('the popup shows what is due first and lists the register', async ({
  context,
  page,
  extensionId,
}) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.loadSampleEntries();
  await expect(register.rows).toHaveCount(3);

  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.goto();
  await expect(popup.rows).toHaveCount(4);
  // Sam's invitation is 9 days old; Brightlane's contract ends in 10 days and its review (a
  // cadence after access began, 119 days ago) is due, like the client account held for 199 days.
  await expect(popup.dueRows).toHaveCount(3);
  await expect(popup.dueRows.filter({ hasText: 'Brightlane Agency BC' })).toContainText(
    'Review due',
  );
  await expect(popup.dueRows.filter({ hasText: 'Sam Ortiz' })).toContainText('Invitation pending');
  await expect(popup.dueRows.filter({ hasText: 'Brightlane Agency BC' })).toContainText(
    'Contract ending',
  );
  await expect(
    popup.dueRows.getByRole('link', { name: 'Open in Business Center: Sam Ortiz' }),
  ).toHaveAttribute(
    'href',
    'https://business.tiktok.com/manage/users/members?org_id=7012345678901234567',
  );
});
