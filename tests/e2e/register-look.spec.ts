import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { PopupPage, RegisterPage } from './pages/extension-pages';

// Screenshots of the popup and the register in both colour schemes, for a person to look at
// (saved under test-results/screenshots), and axe on each.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('popup and register are accessible; screenshots taken', async ({
      context,
      page,
      extensionId,
    }) => {
      const register = new RegisterPage(page, extensionId);
      await register.goto();
      await page.screenshot({
        path: `test-results/screenshots/register-empty-${colorScheme}.png`,
        fullPage: true,
      });
      await register.loadSampleEntries();
      await expect(register.rows).toHaveCount(3);
      await register.open('Dana Kim');
      await expect(register.detail).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({
        path: `test-results/screenshots/register-${colorScheme}.png`,
        fullPage: true,
      });

      await page.getByLabel('Group').selectOption('organisation');
      await expect(page.getByRole('cell', { name: 'Brightlane Agency 2 grants' })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);

      const popupPage = await context.newPage();
      await popupPage.setViewportSize({ width: 380, height: 600 });
      const popup = new PopupPage(popupPage, extensionId);
      await popup.goto();
      await expect(popup.rows).toHaveCount(4);
      expect(await axeViolations(popupPage)).toEqual([]);
      await popupPage.screenshot({
        path: `test-results/screenshots/popup-${colorScheme}.png`,
        fullPage: true,
      });
      await popupPage.getByRole('button', { name: 'Add a grant' }).click();
      expect(await axeViolations(popupPage)).toEqual([]);
      await popupPage.screenshot({
        path: `test-results/screenshots/popup-add-${colorScheme}.png`,
        fullPage: true,
      });
    });
  });
}
