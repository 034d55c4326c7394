import { expect, test } from './fixtures';
import {
  ORG_ID,
  badgeText,
  clickNotificationButton,
  quietHoursOff,
  seedGrants,
} from './reminders-helpers';

test('a due review: the alarm fires, the notification has its buttons, they open Business Center and mark it reviewed', async ({
  context,
  serviceWorker,
}) => {
  await quietHoursOff(serviceWorker);
  // Seeded after that run, so that the notification can only come from the alarm.
  const {
    grantIds: [grantId],
    today,
  } = await seedGrants(serviceWorker, [{ name: 'Dana Kim', reviewInDays: 0 }]);

  expect(await serviceWorker.evaluate(() => chrome.notifications.getAll())).toEqual({});
  expect(await badgeText(serviceWorker)).toBe('');

  // Make the real next-due alarm fire now (an unpacked extension's alarms may fire this soon).
  // A sweep or start-up run finishing just now may re-set that alarm for what it saw, so the
  // alarm is armed again on each poll until it has fired.
  const reminder = `review:${grantId}:${today}`;
  await expect
    .poll(
      async () => {
        await serviceWorker.evaluate(() =>
          chrome.alarms.create('reminders:next', { when: Date.now() + 100 }),
        );
        return serviceWorker.evaluate(() => chrome.notifications.getAll());
      },
      { timeout: 15_000 },
    )
    .toEqual({ [`reminder|${reminder}`]: true });
  const shown = await serviceWorker.evaluate(async () => {
    const key = 'reminders-last-notification';
    return (await chrome.storage.local.get(key))[key];
  });
  expect(shown).toEqual({
    id: `reminder|${reminder}`,
    options: {
      title: 'Review access: Dana Kim',
      message: `Standard · Operator on Northwind Outdoor (Business Center ${ORG_ID}). Review due ${today} (every 90 days): keep, lower or revoke.`,
      buttons: ['Open in Business Center', 'Mark reviewed'],
    },
  });
  expect(await badgeText(serviceWorker)).toBe('1');

  // "Open in Business Center" opens the org's Members page (a replica answers it).
  const opened = context.waitForEvent('page');
  await clickNotificationButton(serviceWorker, `reminder|${reminder}`, 0);
  const bcPage = await opened;
  // A new tab starts on about:blank; wait for it to arrive where the button sent it.
  await bcPage.waitForURL(
    `https://business.tiktok.com/manage/users/members?org_id=${ORG_ID}#access-companion=review&grant=${grantId}`,
  );
  await expect(bcPage.getByRole('heading', { level: 1 })).toBeVisible();

  // "Mark reviewed" closes the notification and the badge drops.
  await clickNotificationButton(serviceWorker, `reminder|${reminder}`, 1);
  await expect.poll(() => badgeText(serviceWorker)).toBe('');
  expect(await serviceWorker.evaluate(() => chrome.notifications.getAll())).toEqual({});

  // The next review is scheduled a cadence later, and the alarm waits for it.
  const next = await serviceWorker.evaluate(() => chrome.alarms.get('reminders:next'));
  expect(next?.scheduledTime).toBeGreaterThan(Date.now() + 80 * 86_400_000);
});
