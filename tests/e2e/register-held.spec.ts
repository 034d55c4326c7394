import type { BrowserContext, Page, Worker } from '@playwright/test';
import { NOT_TIKTOK_URL, REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { OptionsPage, PopupPage, RegisterPage } from './pages/extension-pages';

// The Business Center picker lists my own Business Centers and my clients' together.
// What the register knows is kept up to date; what it does not know, the popup asks.

const PICKER_LABEL = 'Business Center · choose a Business Center';

/** The picker's questions the background keeps (session storage, one per tab). */
function pickerQuestions(worker: Worker) {
  return worker.evaluate(async () =>
    Object.entries(await chrome.storage.session.get(null))
      .filter(([key]) => key.startsWith('held-picker:'))
      .map(([, value]) => (value as { orgId: string }[]).map((c) => c.orgId)),
  );
}

/** Everything the background keeps about tabs (context and questions), by key. */
function tabKeys(worker: Worker) {
  return worker.evaluate(async () =>
    Object.keys(await chrome.storage.session.get(null))
      .filter((key) => /^(tab-context|held-question|held-picker):/.test(key))
      .sort(),
  );
}

/** Open the popup for a TikTok tab (the picker unless `label` says otherwise). */
function openPopupFor(
  tiktok: Page,
  context: BrowserContext,
  worker: Worker,
  extensionId: string,
  label = PICKER_LABEL,
): Promise<PopupPage> {
  return PopupPage.openFor(tiktok, context, worker, extensionId, label);
}

test('the picker records nothing it cannot place; the popup asks, and the answers are kept', async ({
  context,
  page,
  serviceWorker,
  extensionId,
}) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.loadSampleEntries(); // Northwind Outdoor is already recorded as mine
  await register.tab('Client accounts I hold').click();
  const before = await register.rowTexts();

  const picker = await context.newPage();
  await picker.goto(REPLICA_URLS.bcPicker);
  await expect(picker.getByText('Tienda Sol')).toBeVisible();
  // Three Business Centers the register does not know: asked about, nothing written.
  await expect
    .poll(() => pickerQuestions(serviceWorker))
    .toEqual([['7098765432109876543', '7034567890123456789', '7067890123456789012']]);
  await page.waitForTimeout(300);
  expect(await register.rowTexts()).toEqual(before);

  const popup = await openPopupFor(picker, context, serviceWorker, extensionId);
  const card = popup.page.getByTestId('held-picker');
  await expect(card.getByRole('heading')).toHaveText('Which of these Business Centers are yours?');
  // One labelled radio group per Business Center, my own (known) one not among them.
  const tienda = card.getByRole('group', { name: /Tienda Sol/ });
  const cedar = card.getByRole('group', { name: /Cedar & Co Apparel/ });
  const evil = card.getByRole('group', { name: /Evil BC/ });
  await expect(card.getByRole('group')).toHaveCount(3);
  await expect(card.getByRole('group', { name: /Northwind/ })).toHaveCount(0);
  await expect(tienda).toContainText('you’re Standard');
  // A hostile name stays text.
  await expect(evil.locator('legend')).toContainText('<b onmouseover=alert(1)>Evil BC</b>');
  expect(await axeViolations(popup.page)).toEqual([]);
  await popup.page.screenshot({ path: 'test-results/held-picker-popup.png', fullPage: true });

  // Saving with nothing chosen says what to do.
  await card.getByRole('button', { name: 'Save answers' }).click();
  await expect(card.getByRole('alert')).toContainText('at least one Business Center');

  // Keyboard only: Tab into the first group, arrows choose within it.
  await tienda.getByRole('radio', { name: 'A client’s — track it' }).focus();
  await popup.page.keyboard.press('Space');
  await expect(tienda.getByRole('radio', { name: 'A client’s — track it' })).toBeChecked();
  await popup.page.keyboard.press('Tab');
  await expect(cedar.getByRole('radio', { name: 'A client’s — track it' })).toBeFocused();
  await popup.page.keyboard.press('Space');
  await popup.page.keyboard.press('Tab');
  await popup.page.keyboard.press('ArrowDown'); // the Evil BC's second choice: Mine
  await expect(evil.getByRole('radio', { name: 'Mine' })).toBeChecked();
  await popup.page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Save answers' })).toBeFocused();
  await popup.page.keyboard.press('Enter');
  await expect(popup.page.getByTestId('held-picker-answered')).toContainText(
    'Saved. Client accounts tracked: 2. Marked as yours: 1.',
  );
  await expect(popup.page.getByTestId('held-picker')).toHaveCount(0);
  expect(await pickerQuestions(serviceWorker)).toEqual([]);

  // The two clients' are held with my role there; mine is not; my own is untouched.
  await register.goto();
  await register.tab('Client accounts I hold').click();
  await expect(register.rows.filter({ hasText: 'Tienda Sol' })).toHaveCount(1);
  await expect(register.rows.filter({ hasText: 'Tienda Sol' })).toContainText('Standard');
  // (the sample data held its ad account "Cedar & Co Apparel – US" already)
  await expect(register.rows.filter({ hasText: 'Cedar & Co Apparel' })).toHaveCount(2);
  await expect(register.rows.filter({ hasText: 'Evil BC' })).toHaveCount(0);
  await expect(register.rows.filter({ hasText: 'Northwind Outdoor' })).toHaveCount(0);

  // Seeing the picker again writes nothing and asks nothing.
  const after = await register.rowTexts();
  await picker.reload();
  await expect(picker.getByText('Tienda Sol')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await register.rowTexts()).toEqual(after);
  expect(await pickerQuestions(serviceWorker)).toEqual([]);
});

test('"Not now" puts the picker’s question off; a tab that leaves TikTok is forgotten', async ({
  context,
  serviceWorker,
  extensionId,
}) => {
  const picker = await context.newPage();
  await picker.goto(REPLICA_URLS.bcPicker);
  await expect.poll(() => pickerQuestions(serviceWorker)).toHaveLength(1);
  // (the register is empty: all four are asked, my own among them)
  expect((await pickerQuestions(serviceWorker))[0]).toHaveLength(4);

  const popup = await openPopupFor(picker, context, serviceWorker, extensionId);
  await popup.page.getByRole('button', { name: 'Not now' }).click();
  await expect(popup.page.getByTestId('held-picker-answered')).toHaveText(
    'Not asked again until the browser restarts.',
  );
  await picker.reload();
  await expect(picker.getByText('Tienda Sol')).toBeVisible();
  await picker.waitForTimeout(500);
  expect(await pickerQuestions(serviceWorker)).toEqual([]);

  // The background knows the tab as the picker until it navigates to another site, whose URL
  // the extension cannot see; then it forgets the tab (not only when the tab closes).
  await expect.poll(() => tabKeys(serviceWorker)).toHaveLength(1);
  await picker.goto(NOT_TIKTOK_URL);
  await expect.poll(() => tabKeys(serviceWorker)).toEqual([]);
  await picker.goto(REPLICA_URLS.bcPicker);
  await expect.poll(() => tabKeys(serviceWorker)).toHaveLength(1);
});

test('"Mine" can be undone on the options page, and the picker asks again', async ({
  context,
  page,
  serviceWorker,
  extensionId,
}) => {
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.loadSampleEntries(); // Northwind Outdoor is mine, with its members recorded
  await expect(register.rows).not.toHaveCount(0);

  const picker = await context.newPage();
  await picker.goto(REPLICA_URLS.bcPicker);
  await expect.poll(() => pickerQuestions(serviceWorker)).toHaveLength(1);
  const popup = await openPopupFor(picker, context, serviceWorker, extensionId);
  const card = popup.page.getByTestId('held-picker');
  await card
    .getByRole('group', { name: /Evil BC/ })
    .getByRole('radio', { name: 'Mine' })
    .check();
  await card.getByRole('button', { name: 'Save answers' }).click();
  await expect(popup.page.getByTestId('held-picker-answered')).toContainText('Marked as yours: 1.');
  // Two left unanswered: still asked.
  await expect(card.getByRole('group')).toHaveCount(2);

  const options = new OptionsPage(page, extensionId);
  await options.goto();
  const section = page.getByRole('region', { name: 'Business Centers that are yours' });
  const list = section.getByRole('list', { name: 'Business Centers that are yours' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  // My own Business Center with its members is changed in the register, not here.
  await expect(list.getByRole('listitem').filter({ hasText: 'Northwind Outdoor' })).toContainText(
    'Grants recorded here',
  );
  await expect(
    list.getByRole('listitem').filter({ hasText: 'Northwind Outdoor' }).getByRole('button'),
  ).toHaveCount(0);
  const evil = list.getByRole('listitem').filter({ hasText: 'Evil BC' });
  await expect(evil).toContainText('ID 7067890123456789012');
  expect(await axeViolations(page)).toEqual([]);
  await section.screenshot({ path: 'test-results/held-mine-options.png' });

  // Keyboard only: the button names its Business Center; focus stays in the section after.
  const forget = evil.getByRole('button', {
    name: 'Not mine — ask again about <b onmouseover=alert(1)>Evil BC</b> 🧨',
  });
  await forget.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByTestId('mine-status')).toHaveText(
    'Forgotten: you will be asked about <b onmouseover=alert(1)>Evil BC</b> 🧨 on your next visit.',
  );
  await expect(section.getByTestId('mine-status')).toBeFocused();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  expect(await axeViolations(page)).toEqual([]);

  // The next visit to the picker asks about it again.
  await picker.reload();
  await expect(picker.getByText('Tienda Sol')).toBeVisible();
  await expect
    .poll(() => pickerQuestions(serviceWorker))
    .toEqual([['7098765432109876543', '7034567890123456789', '7067890123456789012']]);
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('the picker’s question and the options’ list are accessible; screenshots taken', async ({
    context,
    page,
    serviceWorker,
    extensionId,
  }) => {
    const picker = await context.newPage();
    await picker.goto(REPLICA_URLS.bcPicker);
    await expect.poll(() => pickerQuestions(serviceWorker)).toHaveLength(1);
    const popup = await openPopupFor(picker, context, serviceWorker, extensionId);
    const card = popup.page.getByTestId('held-picker');
    await card
      .getByRole('group', { name: /Northwind Outdoor/ })
      .getByRole('radio', { name: 'Mine' })
      .check();
    expect(await axeViolations(popup.page)).toEqual([]);
    await popup.page.screenshot({ path: 'test-results/screenshots/popup-held-picker-dark.png' });
    await card.getByRole('button', { name: 'Save answers' }).click();
    await expect(popup.page.getByTestId('held-picker-answered')).toBeVisible();
    expect(await axeViolations(popup.page)).toEqual([]);

    const options = new OptionsPage(page, extensionId);
    await options.goto();
    const section = page.getByRole('region', { name: 'Business Centers that are yours' });
    await expect(section.getByRole('listitem')).toHaveText(/Northwind Outdoor/);
    expect(await axeViolations(page)).toEqual([]);
    await section.screenshot({ path: 'test-results/screenshots/options-held-mine-dark.png' });
  });
});
