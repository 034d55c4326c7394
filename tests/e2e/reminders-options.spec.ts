import type { Locator, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { axeViolations } from './axe';
import { Companion } from './pages/companion';
import { expect, test } from './fixtures';
import { OptionsPage, RegisterPage } from './pages/extension-pages';
import {
  ORG_ID,
  badgeText,
  fireReminderAlarm,
  quietHoursOff,
  seedGrants,
} from './reminders-helpers';

/** Run the reminders as their alarm would, see the badge count them, and open the due list. */
async function dueListAfterAlarm(
  page: Page,
  extensionId: string,
  serviceWorker: Worker,
  badge: string,
): Promise<Locator> {
  await fireReminderAlarm(serviceWorker);
  await expect.poll(() => badgeText(serviceWorker)).toBe(badge);
  await new OptionsPage(page, extensionId).goto();
  return page.getByTestId('due-list').getByRole('listitem');
}

test('reminder settings save, refuse nonsense field by field, and keep the page accessible', async ({
  page,
  extensionId,
  serviceWorker,
}) => {
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  await expect(options.backgroundStatus).toHaveText(/^Background running · .* schema v6 /);
  await expect(page.getByTestId('due-empty')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  const cadence = page.getByLabel('Review access every (days)');
  const stale = page.getByLabel('Remind about an invitation not accepted after (days)');
  const leads = page.getByLabel('Remind before a contract ends (days before, comma-separated)');
  await expect(cadence).toHaveValue('90');
  await expect(stale).toHaveValue('7');
  await expect(leads).toHaveValue('14, 1');

  await cadence.fill('0');
  await leads.fill('14, soon');
  await page.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(page.getByTestId('reminder-settings-status')).toHaveText(
    'Not saved: please correct the fields marked below.',
  );
  await expect(cadence).toHaveAttribute('aria-invalid', 'true');
  await expect(leads).toHaveAttribute('aria-invalid', 'true');
  await expect(stale).not.toHaveAttribute('aria-invalid');
  expect(await axeViolations(page)).toEqual([]);
  const stored = () =>
    serviceWorker.evaluate(
      async () => (await chrome.storage.local.get('reminder-settings'))['reminder-settings'],
    );
  expect(await stored()).toBeUndefined();

  await cadence.fill('30');
  await stale.fill('3');
  await leads.fill('7 30');
  await page.getByLabel(/^Show notifications/).uncheck();
  await page.getByLabel('From').fill('22:30');
  await page.getByLabel('to', { exact: true }).fill('07:15');
  await page.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(page.getByTestId('reminder-settings-status')).toHaveText(
    'Saved. Reminders follow the new settings from now on.',
  );
  expect(await stored()).toEqual({
    defaultCadenceDays: 30,
    staleInvitationDays: 3,
    contractLeadDays: [30, 7],
    notificationsEnabled: false,
    quietHours: { enabled: true, start: '22:30', end: '07:15' },
  });

  await page.reload();
  await expect(leads).toHaveValue('30, 7');
  await expect(page.getByLabel(/^Show notifications/)).not.toBeChecked();
});

test('the due list acts like the notification and offers a week’s snooze; the badge follows', async ({
  page,
  extensionId,
  serviceWorker,
}) => {
  await quietHoursOff(serviceWorker, false);
  const { grantIds } = await seedGrants(serviceWorker, [
    { name: 'Dana Kim', reviewInDays: -3 },
    { name: 'Sam Ortiz', status: 'invited', invitedDaysAgo: 9, reviewInDays: 80 },
    { name: 'Lee Park', reviewInDays: 20, contractEndsInDays: 10 },
  ]);
  const items = await dueListAfterAlarm(page, extensionId, serviceWorker, '3');
  await expect(items).toHaveCount(3);
  // Soonest due first: the contract's 14-day reminder fell due 4 days ago, the review 3.
  await expect(items.nth(0)).toContainText('Contract ends in 10 days: Lee Park');
  await expect(items.nth(1)).toContainText('Review access: Dana Kim');
  await expect(items.filter({ hasText: 'Invitation not accepted: Sam Ortiz' })).toContainText(
    'Check the address for a typo, ask them to look in spam, or Resend it',
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/reminders-options.png', fullPage: true });

  await items
    .filter({ hasText: 'Sam Ortiz' })
    .getByRole('button', { name: 'Snooze 1 week' })
    .click();
  await expect(page.getByTestId('due-status')).toHaveText(
    'Snoozed for a week: Invitation not accepted: Sam Ortiz',
  );
  await expect(items).toHaveCount(2);
  await expect.poll(() => badgeText(serviceWorker)).toBe('2');

  // A review that lowers the role: recorded with a note, and Business Center's checklist offered.
  const dana = items.filter({ hasText: 'Dana Kim' });
  await dana.getByRole('button', { name: 'Lower…' }).click();
  await dana.getByLabel(/Why lower it\?/).fill('Reporting only from now on.');
  expect(await axeViolations(page)).toEqual([]);
  await dana.getByRole('button', { name: 'Record “lower”' }).click();
  await expect(page.getByTestId('due-status')).toHaveText(
    'Review recorded (lower): Review access: Dana Kim. The next review is scheduled.',
  );
  await expect(
    page.getByRole('link', { name: 'Open Business Center to lower the role, with the checklist' }),
  ).toHaveAttribute(
    'href',
    `https://business.tiktok.com/manage/users/members?org_id=${ORG_ID}#access-companion=lower&grant=${grantIds[0]}`,
  );
  await expect(items).toHaveCount(1);
  await expect.poll(() => badgeText(serviceWorker)).toBe('1');

  await items.filter({ hasText: 'Lee Park' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('due-empty')).toBeVisible();
  await expect.poll(() => badgeText(serviceWorker)).toBe('');
});

test('lowering a permission on an ad account opens that ad account’s page with the lower checklist', async ({
  page,
  context,
  extensionId,
  serviceWorker,
}) => {
  await quietHoursOff(serviceWorker, false);
  const { grantIds } = await seedGrants(serviceWorker, [
    { name: 'Dana Kim', reviewInDays: -3, onAdAccount: true },
  ]);
  const items = await dueListAfterAlarm(page, extensionId, serviceWorker, '1');
  const dana = items.filter({ hasText: 'Dana Kim' });
  await dana.getByRole('button', { name: 'Lower…' }).click();
  await dana.getByLabel(/Why lower it\?/).fill('Reporting only from now on.');
  await dana.getByRole('button', { name: 'Record “lower”' }).click();
  const link = page.getByRole('link', {
    name: 'Open Business Center to lower the role, with the checklist',
  });
  const asset = `https://business.tiktok.com/manage/accounts/adv/detail?org_id=${ORG_ID}&aadvid=7100000000000000001`;
  await expect(link).toHaveAttribute(
    'href',
    `${asset}#access-companion=lower&grant=${grantIds[0]}`,
  );

  // The link opens the ad account's Members tab, where the permission is edited: the checklist
  // starts there with Dana pre-selected, past "open the ad account", at Dana's own Edit.
  const [tiktok] = await Promise.all([context.waitForEvent('page'), link.click()]);
  const companion = await new Companion(tiktok).ready();
  await expect(companion.panel.getByTestId('checklist')).toHaveAttribute(
    'data-checklist',
    'lower-member',
  );
  await expect(companion.panel.getByTestId('hinted-for')).toHaveText(
    'Opened from a reminder about Dana Kim.',
  );
  await expect.poll(() => tiktok.url()).toBe(asset);
  await companion.expectDone('open-asset');
  await companion.expectActive('open-edit');
  await companion.expectSpotlightOn(
    tiktok.getByRole('row', { name: /Dana Kim/ }).getByRole('button', { name: 'Edit' }),
  );
  expect(await axeViolations(companion.frame())).toEqual([]);
});

test('upcoming reviews export as an iCalendar file', async ({
  page,
  extensionId,
  serviceWorker,
}) => {
  await quietHoursOff(serviceWorker, false);
  const { grantIds } = await seedGrants(serviceWorker, [
    { name: 'Dana Kim', reviewInDays: 5 },
    { name: 'Ana, López; Ñ', reviewInDays: 40 },
  ]);
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export upcoming reviews (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^access-reviews-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  const unfolded = text.replace(/\r\n /g, '');
  expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(unfolded).toContain('SUMMARY:Review access: Ana\\, López\\; Ñ');
  for (const id of grantIds) expect(unfolded).toMatch(new RegExp(`^UID:review:${id}:`, 'm'));
  await expect(page.getByTestId('ics-status')).toHaveText('Exported 2 upcoming reviews.');
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the due list, a review form and a field error stay accessible', async ({
    page,
    extensionId,
    serviceWorker,
  }) => {
    await quietHoursOff(serviceWorker, false);
    await seedGrants(serviceWorker, [{ name: 'Dana Kim', reviewInDays: -1 }]);
    const options = new OptionsPage(page, extensionId);
    await options.goto();
    const item = page.getByTestId('due-list').getByRole('listitem');
    await expect(item).toHaveCount(1);
    await item.getByRole('button', { name: 'Revoke…' }).click();
    await expect(item.getByLabel(/Why revoke it\?/)).toBeVisible();
    await page.getByLabel('Review access every (days)').fill('often');
    await page.getByRole('button', { name: 'Save reminder settings' }).click();
    await expect(page.getByText('Enter a whole number of days from 1 to 3650.')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/reminders-options-dark.png', fullPage: true });
  });
});

test('a review campaign due tomorrow is on the due list, counted in the badge, and opens the review', async ({
  page,
  context,
  extensionId,
  serviceWorker,
}) => {
  await quietHoursOff(serviceWorker, false);
  await seedGrants(serviceWorker, [{ name: 'Dana Kim', reviewInDays: 40 }]);
  const register = new RegisterPage(page, extensionId);
  await register.goto();
  await expect(register.rows).toHaveCount(1);
  // The browser's tomorrow, the day the start form writes.
  const tomorrow = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 1);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
  await page.getByRole('link', { name: 'Access reviews' }).click();
  await page.getByRole('button', { name: 'Start a review' }).click();
  await page.getByRole('textbox', { name: 'Due date' }).fill(tomorrow);
  await page.getByLabel('Reviewer').fill('Rita Reviewer');
  await page.getByRole('button', { name: 'Start the review' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Review: Everything in the register',
  );
  const campaignHash = new URL(page.url()).hash;
  expect(campaignHash).toMatch(/^#campaign=[0-9a-f-]{36}$/);

  const items = await dueListAfterAlarm(page, extensionId, serviceWorker, '1');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(`Access review due ${tomorrow}`);
  await expect(items.first()).toContainText('1 of 1 items undecided · reviewer Rita Reviewer');
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/reminders-options-campaign-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  const opened = context.waitForEvent('page');
  await items.first().getByRole('link', { name: 'Open the review' }).click();
  const review = await opened;
  expect(new URL(review.url()).hash).toBe(campaignHash);
  await expect(review.getByRole('heading', { level: 1 })).toHaveText(
    'Review: Everything in the register',
  );
});
