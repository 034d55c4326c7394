/**
 * The reminders' notifications: what they say, that each is shown once, grouped when several
 * fall due, their buttons and clicks in Chrome, and Firefox's buttonless ones.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerDb } from '@/lib/register/db';
import { dayAfter, historyOf } from '@/lib/register/grants';
import { NEXT_ALARM, SWEEP_ALARM } from '@/lib/reminders/alarms';
import { lastNotificationItem } from '@/lib/reminders/notifications';
import { actOnReminders, runReminders } from '@/lib/reminders/run';
import { CLAIM_LEASE_MS, reminderId, startOfDay } from '@/lib/reminders/schedule';
import { claimPlan } from '@/lib/reminders/state';
import { saveReminderSettings } from '@/lib/settings';
import { ORG_ID, PARTNER_ID, inTimeZone, makeGrant, settings } from '../helpers/reminders';
import {
  badgeText,
  dueReview,
  marchMorning,
  seedGrants,
  shownNotifications,
  staleInvite,
  setUpReminderWorker,
} from '../helpers/reminder-worker';

inTimeZone('Europe/Berlin');

const worker = setUpReminderWorker(marchMorning);
/** The morning every test starts at. */
const NOW = () => marchMorning();

describe('notifications', () => {
  it('say who, which account, which role and why, with Chrome’s two buttons', async () => {
    const g = dueReview();
    await seedGrants(g);
    await worker.start();

    const id = `reminder|${reminderId('review', g.id, '2027-03-02')}`;
    expect(await shownNotifications()).toEqual({
      [id]: expect.objectContaining({
        type: 'basic',
        title: 'Review access: Dana Kim',
        message:
          'Standard · Operator on Northwind Outdoor (Business Center 7012345678901234567). Review due 2027-03-02 (every 90 days): keep, lower or revoke.',
        buttons: [{ title: 'Open in Business Center' }, { title: 'Mark reviewed' }],
      }),
    });
    expect(await lastNotificationItem.getValue()).toEqual({
      id,
      options: {
        title: 'Review access: Dana Kim',
        message: expect.any(String),
        buttons: ['Open in Business Center', 'Mark reviewed'],
      },
    });
    expect(await badgeText()).toBe('1');
  });

  it('are not shown twice after a simulated worker restart, nor when the alarm fires again', async () => {
    await seedGrants(dueReview());
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await worker.start();
    expect(create).toHaveBeenCalledTimes(1);

    // The user closes it; the worker dies and starts again; the sweep fires.
    await fakeBrowser.notifications.clear(Object.keys(await shownNotifications())[0]!);
    await worker.start();
    await runReminders(worker.deps());
    await fakeBrowser.alarms.onAlarm.trigger({ name: SWEEP_ALARM, scheduledTime: 0 });
    await Promise.all([runReminders(worker.deps()), runReminders(worker.deps())]);

    expect(create).toHaveBeenCalledTimes(1);
    expect(await shownNotifications()).toEqual({});
    // Still due, so still counted.
    expect(await badgeText()).toBe('1');
  });

  it('that could not be shown are tried again on the next run', async () => {
    await seedGrants(dueReview());
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const create = vi
      .spyOn(fakeBrowser.notifications, 'create')
      .mockRejectedValueOnce(new Error('Notifications are blocked'));
    await worker.start();
    expect(error).toHaveBeenCalledTimes(1);
    expect(await shownNotifications()).toEqual({});
    expect(await badgeText()).toBe('1');

    await runReminders(worker.deps());
    expect(create).toHaveBeenCalledTimes(2);
    expect(Object.keys(await shownNotifications())).toHaveLength(1);
  });

  it('are shown again when the worker stopped between claiming one and creating its notification', async () => {
    await seedGrants(dueReview());
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    // A run claims the reminder, and the worker is stopped before the notification exists.
    await claimPlan(registerDb(), settings(), worker.clock);
    expect(create).not.toHaveBeenCalled();

    // It starts again at once: the claim still holds (a run may be showing it), so nothing is
    // shown yet, the badge counts it, and the next alarm is when the claim lapses.
    await worker.start();
    expect(create).not.toHaveBeenCalled();
    expect(await badgeText()).toBe('1');
    const lapse = worker.clock.getTime() + CLAIM_LEASE_MS;
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({ scheduledTime: lapse });

    worker.clock = new Date(lapse);
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_ALARM, scheduledTime: lapse });
    await vi.waitFor(async () => expect(Object.keys(await shownNotifications())).toHaveLength(1));
    expect(create).toHaveBeenCalledTimes(1);
    // Now it counts as shown: later runs leave it alone.
    worker.clock = new Date(lapse + 10 * CLAIM_LEASE_MS);
    await runReminders(worker.deps());
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('forget what a notification stood for once it is gone', async () => {
    await seedGrants(dueReview());
    await worker.start();
    const [id] = Object.keys(await shownNotifications());
    expect(await fakeBrowser.storage.local.get(`reminder-notification:${id}`)).not.toEqual({});
    // Closed while the worker slept: no onClosed reached it.
    await fakeBrowser.notifications.clear(id!);
    await runReminders(worker.deps());
    // A record under a minute old may belong to a notification being shown right now.
    expect(await fakeBrowser.storage.local.get(`reminder-notification:${id}`)).not.toEqual({
      [`reminder-notification:${id}`]: undefined,
    });
    worker.clock = new Date(NOW().getTime() + 61_000);
    await runReminders(worker.deps());
    expect(await fakeBrowser.storage.local.get(`reminder-notification:${id}`)).toEqual({
      [`reminder-notification:${id}`]: undefined,
    });
  });

  it('group what fell due while the computer slept into one notification', async () => {
    const partnerContract = makeGrant({
      partyId: PARTNER_ID,
      bcRole: null,
      contractEndsOn: '2027-03-10',
      nextReviewOn: '2027-06-01',
    });
    await seedGrants(dueReview(), staleInvite(), partnerContract);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await worker.start();

    expect(create).toHaveBeenCalledTimes(1);
    const [shown] = Object.values(await shownNotifications());
    expect(shown).toMatchObject({
      title: '3 access reminders',
      message: [
        'Contract ending: Brightlane Agency BC (partner Business Center) (Operator)',
        'Invitation not accepted: Dana Kim (Standard · Operator)',
        'Review: Dana Kim (Standard · Operator)',
      ].join('\n'),
      buttons: [{ title: 'Show all' }, { title: 'Snooze all 1 day' }],
    });
    expect(await badgeText()).toBe('3');
  });

  it('wait for the end of quiet hours, while the badge already counts', async () => {
    await saveReminderSettings(
      settings({ quietHours: { enabled: true, start: '21:00', end: '08:00' } }),
    );
    await seedGrants(dueReview());
    worker.clock = new Date(2027, 2, 2, 6, 30);
    await worker.start();
    expect(await shownNotifications()).toEqual({});
    expect(await badgeText()).toBe('1');
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(
      new Date(2027, 2, 2, 8).getTime(),
    );
  });

  it('stay off when turned off in options, and changing settings runs again', async () => {
    await saveReminderSettings(settings({ notificationsEnabled: false }));
    await seedGrants(dueReview());
    await worker.start();
    expect(await shownNotifications()).toEqual({});
    expect(await badgeText()).toBe('1');

    await saveReminderSettings(settings({ notificationsEnabled: true }));
    await vi.waitFor(async () => expect(Object.keys(await shownNotifications())).toHaveLength(1));
  });
});

describe('buttons and clicks', () => {
  it('"Open in Business Center" opens the org’s Members page with the review hint', async () => {
    const g = dueReview();
    await seedGrants(g);
    await worker.start();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const [id] = Object.keys(await shownNotifications());

    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 0);
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({
        url: `https://business.tiktok.com/manage/users/members?org_id=${ORG_ID}#access-companion=review&grant=${g.id}`,
      }),
    );
    // Still up, so "Mark reviewed" can follow the look at Business Center.
    expect(Object.keys(await shownNotifications())).toEqual([id]);
    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await vi.waitFor(async () => expect(await badgeText()).toBe(''));
    expect(await shownNotifications()).toEqual({});
  });

  it('opens the Partners page for a partner Business Center', async () => {
    const g = makeGrant({
      partyId: PARTNER_ID,
      contractEndsOn: '2027-03-02',
      nextReviewOn: '2027-09-01',
    });
    await seedGrants(g);
    await worker.start();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const [id] = Object.keys(await shownNotifications());
    expect((await shownNotifications())[id!]?.buttons).toEqual([
      { title: 'Open in Business Center' },
      { title: 'Snooze 1 day' },
    ]);
    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 0);
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({
        url: `https://business.tiktok.com/manage/users/partners?org_id=${ORG_ID}#access-companion=revoke&grant=${g.id}`,
      }),
    );
  });

  it('"Mark reviewed" records a review with a snapshot, reschedules and drops the badge', async () => {
    const g = dueReview();
    await seedGrants(g);
    await worker.start();
    const [id] = Object.keys(await shownNotifications());

    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await vi.waitFor(async () => expect(await badgeText()).toBe(''));

    const db = registerDb();
    const after = await db.grants.get(g.id);
    expect(after).toMatchObject({
      rev: 2,
      lastReviewedAt: NOW().toISOString(),
      nextReviewOn: dayAfter(NOW(), 90),
    });
    const history = await historyOf(db, g.id);
    expect(history.map((e) => [e.type, e.decision])).toEqual([['reviewed', 'keep']]);
    expect(history[0]?.before).toMatchObject({ rev: 1, nextReviewOn: '2027-03-02' });
    expect(history[0]?.after).toMatchObject({ rev: 2, nextReviewOn: '2027-05-31' });
    expect(await shownNotifications()).toEqual({});
    expect((await db.reminders.get(reminderId('review', g.id, '2027-03-02')))?.doneAt).toBe(
      NOW().toISOString(),
    );
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(
      startOfDay('2027-05-31').getTime(),
    );
  });

  it('"Snooze 1 day" hides it until the same time tomorrow, then shows it once more', async () => {
    const g = staleInvite();
    await seedGrants(g);
    await worker.start();
    const [id] = Object.keys(await shownNotifications());
    expect((await shownNotifications())[id!]?.title).toBe('Invitation not accepted: Dana Kim');

    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await vi.waitFor(async () => expect(await badgeText()).toBe(''));
    const tomorrow = new Date(2027, 2, 3, 10);
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(tomorrow.getTime());
    expect(await shownNotifications()).toEqual({});

    // The worker sleeps through the night; the alarm wakes a fresh one.
    worker.clock = tomorrow;
    await worker.start();
    expect(Object.keys(await shownNotifications())).toEqual([id]);
    expect(await badgeText()).toBe('1');
  });

  it('snoozing for a week from the due list, across the DST change, keeps the time of day', async () => {
    const g = makeGrant({ nextReviewOn: '2027-03-26' });
    await seedGrants(g);
    worker.clock = new Date(2027, 2, 26, 9, 15);
    await worker.start();
    await actOnReminders([reminderId('review', g.id, '2027-03-26')], 'snoozeWeek', worker.deps());
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(
      new Date(2027, 3, 2, 9, 15).getTime(),
    );
    expect(await badgeText()).toBe('');
  });

  it('refuses to mark a reminder that is not a review as reviewed, changing nothing', async () => {
    const b = staleInvite();
    await seedGrants(b);
    await worker.start();
    await expect(
      actOnReminders([reminderId('invitation', b.id, '2027-02-27')], 'markReviewed', worker.deps()),
    ).rejects.toThrow(/Only a review/);
    expect(await historyOf(registerDb(), b.id)).toEqual([]);
    expect(await badgeText()).toBe('1');
  });
});

describe('Firefox (no notification buttons)', () => {
  it('shows no buttons, and a click opens the grant in the register', async () => {
    const g = dueReview();
    await seedGrants(g);
    await worker.start(worker.deps({ supportsButtons: false }));
    const shown = await shownNotifications();
    const [id] = Object.keys(shown);
    expect(shown[id!]).not.toHaveProperty('buttons');
    expect(shown[id!]).not.toHaveProperty('requireInteraction');

    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({
        url: `chrome-extension://test-extension-id/register.html#grant=${g.id}`,
      }),
    );
    expect(await shownNotifications()).toEqual({});
  });

  it('a grouped notification’s click opens the due list', async () => {
    await seedGrants(dueReview(), staleInvite());
    await worker.start(worker.deps({ supportsButtons: false }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const [id] = Object.keys(await shownNotifications());
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({
        url: 'chrome-extension://test-extension-id/options.html#due',
      }),
    );
  });
});
