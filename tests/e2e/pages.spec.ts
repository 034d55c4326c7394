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
  await expect(popup.withAccessCount).toHaveText('0');
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
    /^Background running · version 0\.1\.0 · register schema v2 · 0 grants recorded$/,
  );
  expect(await axeViolations(page)).toEqual([]);
});

test('the popup counts what the register holds', async ({ context, page, extensionId }) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.loadSampleEntries();
  await expect(register.rows).toHaveCount(3);

  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.goto();
  await expect(popup.withAccessCount).toHaveText('4');
});
