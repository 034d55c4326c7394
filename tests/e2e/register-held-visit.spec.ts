import type { BrowserContext, Page, Worker } from '@playwright/test';
import { NOT_TIKTOK_URL, REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { OptionsPage, PopupPage, RegisterPage } from './pages/extension-pages';
import { MembersPage } from './pages/members-page';

// Client accounts I hold, captured from a visited Business Center's Members page.

/** Enter my TikTok sign-in email on the options page, as a user does. */
async function setSignInEmail(page: Page, extensionId: string, email: string) {
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  await page.getByRole('textbox', { name: 'Sign-in emails' }).fill(email);
  await page.getByRole('button', { name: 'Save emails' }).click();
  await expect(page.getByTestId('identity-status')).toHaveText('Saved (1).');
}

/** The popup's questions the background keeps (session storage, one per tab). */
function heldQuestions(worker: Worker) {
  return worker.evaluate(async () =>
    Object.entries(await chrome.storage.session.get(null))
      .filter(([key]) => key.startsWith('held-question:'))
      .map(([, value]) => value as { orgId: string }),
  );
}

/** Open the popup for the TikTok tab (a Members page). */
function openPopupFor(
  tiktok: Page,
  context: BrowserContext,
  worker: Worker,
  extensionId: string,
): Promise<PopupPage> {
  return PopupPage.openFor(tiktok, context, worker, extensionId, 'Business Center · Members');
}

test('a visited Members page that shows my row asks once; "A client’s" tracks it with my role', async ({
  context,
  page,
  serviceWorker,
  extensionId,
}) => {
  // Dana is a Standard, active member of Northwind Outdoor in the replica's Members table.
  await setSignInEmail(page, extensionId, 'dana@brightlane-agency.com');
  expect(await axeViolations(page)).toEqual([]);
  await page
    .locator('#identity')
    .screenshot({ path: 'test-results/screenshots/options-identity-light.png' });

  const tiktok = await context.newPage();
  const members = new MembersPage(tiktok);
  await members.goto();
  await members.waitForTable();
  await expect.poll(() => heldQuestions(serviceWorker)).toHaveLength(1);

  const popup = await openPopupFor(tiktok, context, serviceWorker, extensionId);
  const question = popup.page.getByTestId('held-question');
  await expect(
    question.getByRole('heading', { name: 'Is this your Business Center or a client’s?' }),
  ).toBeVisible();
  await expect(question).toContainText(
    'You’re a member of Northwind Outdoor, with the Standard role.',
  );
  await expect(question).toContainText('dana@brightlane-agency.com');
  expect(await axeViolations(popup.page)).toEqual([]);
  await popup.page.screenshot({ path: 'test-results/screenshots/popup-held-question-light.png' });
  // Nothing is written before the user answers.
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await expect(register.emptyState).toBeVisible();

  // Keyboard: the first answer is "A client’s — track it".
  await question.getByRole('button', { name: 'A client’s — track it' }).focus();
  await popup.page.keyboard.press('Enter');
  await expect(popup.page.getByTestId('held-answered')).toContainText(
    'Recorded: Northwind Outdoor is a client account you hold.',
  );
  await expect(question).toHaveCount(0);

  await register.goto();
  await register.tab('Client accounts I hold').click();
  const row = register.rows.filter({ hasText: 'Northwind Outdoor' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Standard');
  await expect(row).toContainText('Active');
  await register.open('Me');
  await expect(register.detail.getByTestId('grant-history')).toContainText('seen on TikTok');

  // The tab's popup asks nothing more, even after the page is seen again.
  await tiktok.reload();
  await members.waitForTable();
  await page.waitForTimeout(500);
  expect(await heldQuestions(serviceWorker)).toEqual([]);
  await popup.page.reload();
  await expect(popup.tabContext).toBeVisible();
  await expect(popup.page.getByTestId('held-question')).toHaveCount(0);
});

test('a Business Center already recorded as a client account is captured without a question', async ({
  context,
  page,
  serviceWorker,
  extensionId,
}) => {
  // On the picker I answer that Tienda Sol is a client's: recorded (Standard, from the picker).
  const tiktok = await context.newPage();
  await tiktok.goto(REPLICA_URLS.bcPicker);
  await expect(tiktok.getByText('Tienda Sol')).toBeVisible();
  await tiktok.bringToFront();
  const [pickerPopup] = await Promise.all([
    context.waitForEvent('page'),
    serviceWorker.evaluate(
      (url) => chrome.tabs.create({ url, active: false }).then(() => undefined),
      `chrome-extension://${extensionId}/popup.html`,
    ),
  ]);
  const card = pickerPopup.getByTestId('held-picker');
  await card
    .getByRole('group', { name: /Tienda Sol/ })
    .getByRole('radio', { name: 'A client’s — track it' })
    .check();
  await card.getByRole('button', { name: 'Save answers' }).click();
  await expect(pickerPopup.getByTestId('held-picker-answered')).toContainText(
    'Client accounts tracked: 1.',
  );
  await pickerPopup.close();
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.tab('Client accounts I hold').click();
  const row = register.rows.filter({ hasText: 'Tienda Sol' });
  await expect(row).toContainText('Standard');

  // Lucía's row on Tienda Sol's (Spanish) Members page says Admin, Finance Manager, active.
  await setSignInEmail(page, extensionId, 'lucia@tiendasol.mx');
  await new MembersPage(tiktok).goto(REPLICA_URLS.bcMembersEs);
  await expect(tiktok.getByText(/registros en total/i)).toBeVisible();

  await register.goto();
  await register.tab('Client accounts I hold').click();
  await expect(row).toContainText('Admin · Finance Manager');
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: 'Me' }).click();
  const history = register.detail.getByTestId('grant-history');
  await expect(history.locator('[data-event-type=reconciled]')).toContainText('seen on TikTok');
  await expect(history).toContainText('your role there is admin');
  expect(await heldQuestions(serviceWorker)).toEqual([]);

  const popup = await openPopupFor(tiktok, context, serviceWorker, extensionId);
  await expect(popup.tabContext).toHaveText('Business Center · Members');
  await expect(popup.page.getByTestId('held-question')).toHaveCount(0);
});

test('"Mine" records the Business Center as mine and it is never asked about again', async ({
  context,
  page,
  serviceWorker,
  extensionId,
}) => {
  // Riley administers Northwind Outdoor: their own Business Center.
  await setSignInEmail(page, extensionId, 'riley@northwind-outdoor.com');
  const tiktok = await context.newPage();
  const members = new MembersPage(tiktok);
  await members.goto();
  await members.waitForTable();
  await expect.poll(() => heldQuestions(serviceWorker)).toHaveLength(1);

  const popup = await openPopupFor(tiktok, context, serviceWorker, extensionId);
  await expect(popup.page.getByTestId('held-question')).toContainText(
    'You’re a member of Northwind Outdoor, with the Admin role.',
  );
  await popup.page.getByRole('button', { name: 'Mine' }).click();
  await expect(popup.page.getByTestId('held-answered')).toContainText(
    'Northwind Outdoor is your own Business Center',
  );

  await tiktok.reload();
  await members.waitForTable();
  await members.openSection('Overview');
  await members.openSection('Members');
  await members.waitForTable();
  await page.waitForTimeout(500);
  expect(await heldQuestions(serviceWorker)).toEqual([]);
  const again = await openPopupFor(tiktok, context, serviceWorker, extensionId);
  await expect(again.page.getByTestId('held-question')).toHaveCount(0);

  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await expect(register.emptyState).toBeVisible(); // no grant of mine recorded as a client's
});

test('my row on the table’s second page is found when that page is shown; a pending invitation is kept as invited', async ({
  context,
  page,
  serviceWorker,
  extensionId,
}) => {
  // Chris (Standard, Pending) is on page 2 of Northwind Outdoor's Members table.
  await setSignInEmail(page, extensionId, 'chris@brightlane-agency.com');
  const tiktok = await context.newPage();
  const members = new MembersPage(tiktok);
  await members.goto();
  await members.waitForTable();
  await page.waitForTimeout(500);
  expect(await heldQuestions(serviceWorker)).toEqual([]);

  await tiktok.getByRole('button', { name: 'Page 2' }).click();
  await expect(tiktok.getByText('chris@brightlane-agency.com')).toBeVisible();
  await expect.poll(() => heldQuestions(serviceWorker)).toHaveLength(1);

  const popup = await openPopupFor(tiktok, context, serviceWorker, extensionId);
  await expect(popup.page.getByTestId('held-question')).toContainText(
    'You’re invited to Northwind Outdoor, with the Standard role (pending).',
  );
  await popup.page.getByRole('button', { name: 'A client’s — track it' }).click();
  await expect(popup.page.getByTestId('held-answered')).toBeVisible();

  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await register.tab('Client accounts I hold').click();
  const row = register.rows.filter({ hasText: 'Northwind Outdoor' });
  await expect(row).toContainText('Standard');
  await expect(row).toContainText('Invited');
  await expect(row).toContainText('chris@brightlane-agency.com');
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('the popup’s question is accessible; screenshot taken', async ({
    context,
    page,
    serviceWorker,
    extensionId,
  }) => {
    await setSignInEmail(page, extensionId, 'dana@brightlane-agency.com');
    const tiktok = await context.newPage();
    await new MembersPage(tiktok).goto();
    await expect.poll(() => heldQuestions(serviceWorker)).toHaveLength(1);
    const popup = await openPopupFor(tiktok, context, serviceWorker, extensionId);
    await expect(popup.page.getByTestId('held-question')).toBeVisible();
    expect(await axeViolations(popup.page)).toEqual([]);
    await popup.page.screenshot({ path: 'test-results/screenshots/popup-held-question-dark.png' });
  });
});

test('without sign-in emails, the popup on a Members page says how to have my row recognised', async ({
  context,
  serviceWorker,
  extensionId,
}) => {
  const tiktok = await context.newPage();
  const members = new MembersPage(tiktok);
  await members.goto();
  await members.waitForTable();
  const popup = await openPopupFor(tiktok, context, serviceWorker, extensionId);
  const tip = popup.page.getByTestId('held-identity-tip');
  await expect(tip).toContainText('Add your TikTok sign-in emails');
  const [options] = await Promise.all([
    context.waitForEvent('page'),
    tip.getByRole('button', { name: 'Add sign-in emails' }).click(),
  ]);
  await expect(options.getByRole('textbox', { name: 'Sign-in emails' })).toBeVisible();
  expect(await heldQuestions(serviceWorker)).toEqual([]);
});

test('the question is not asked once the tab has left TikTok; "Not now" puts it off', async ({
  context,
  page,
  serviceWorker,
  extensionId,
}) => {
  await setSignInEmail(page, extensionId, 'dana@brightlane-agency.com');
  const tiktok = await context.newPage();
  const members = new MembersPage(tiktok);
  await members.goto();
  await expect.poll(() => heldQuestions(serviceWorker)).toHaveLength(1);

  // The same tab on another site: nothing there is a Business Center.
  await tiktok.goto(NOT_TIKTOK_URL);
  await tiktok.bringToFront();
  const [elsewhere] = await Promise.all([
    context.waitForEvent('page'),
    serviceWorker.evaluate(
      (url) => chrome.tabs.create({ url, active: false }).then(() => undefined),
      `chrome-extension://${extensionId}/popup.html`,
    ),
  ]);
  await expect(elsewhere.getByTestId('tab-context')).toHaveText(
    'Not a TikTok Business Center or Ads Manager page.',
  );
  await expect(elsewhere.getByTestId('held-question')).toHaveCount(0);

  await members.goto();
  await members.waitForTable();
  // Back on Members, the page agent reports my row again (debounced): the question is back.
  await expect.poll(() => heldQuestions(serviceWorker)).toHaveLength(1);
  const popup = await openPopupFor(tiktok, context, serviceWorker, extensionId);
  await popup.page.getByRole('button', { name: 'Not now' }).click();
  await expect(popup.page.getByTestId('held-answered')).toHaveText(
    'Not asked again until the browser restarts.',
  );
  await tiktok.reload();
  await members.waitForTable();
  await page.waitForTimeout(500);
  expect(await heldQuestions(serviceWorker)).toEqual([]);
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await expect(register.emptyState).toBeVisible();
});
