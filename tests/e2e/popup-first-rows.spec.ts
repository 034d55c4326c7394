import { expect, test } from './fixtures';
import { PopupPage, RegisterPage } from './pages/extension-pages';

// The popup paints its first rows from IndexedDB before React and Dexie have loaded, then React
// takes the same screen over: nothing typed or pressed in between is lost.

test('the first rows are the latest changes, and a search typed at once is searched', async ({
  context,
  page,
  extensionId,
}) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.loadSampleEntries();
  await expect(register.rows).toHaveCount(3);

  const popupPage = await context.newPage();
  await popupPage.setViewportSize({ width: 380, height: 640 });
  const popup = new PopupPage(popupPage, extensionId);
  await popup.goto();
  await expect(popup.rows).toHaveCount(4);
  await popup.search.fill('dana');
  await expect(popupPage.getByRole('heading', { name: 'Search results' })).toBeVisible();
  await expect(popup.rows).toHaveCount(1);
  await expect(popup.rows.first()).toContainText('Dana Kim');
  await expect(popup.search).toHaveValue('dana');
  // React runs the page now: it asked which tab the popup is for.
  await expect(popup.tabContext).toHaveText('Not a TikTok Business Center or Ads Manager page.');

  // A row opens that grant in the register, whichever of the two drew it.
  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    popup.rows.first().getByRole('button').click(),
  ]);
  await expect(opened).toHaveURL(/register\.html#grant=/);
});

test('before any register exists the popup says it is empty, and the register still opens', async ({
  context,
  page,
  extensionId,
}) => {
  const popup = new PopupPage(page, extensionId);
  await popup.goto();
  await expect(page.getByTestId('popup-empty')).toBeVisible();
  await expect(popup.tabContext).not.toHaveText('Looking at this tab…');

  const registerPage = await context.newPage();
  const register = new RegisterPage(registerPage, extensionId);
  await register.goto();
  await register.loadSampleEntries();
  await expect(register.rows).toHaveCount(3);
  await popup.goto();
  await expect(popup.rows).toHaveCount(4);
});
