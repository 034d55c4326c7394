import Dexie from 'dexie';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REGISTER_DB_NAME, closeRegisterDb, registerDb } from '@/lib/register/db';
import { dayAfter, historyOf } from '@/lib/register/grants';
import type { Grant } from '@/lib/register/schema';
import type { ReminderHandlers } from '@/lib/background/reminder-handlers';
import { registerReminderHandlers } from '@/lib/background/reminder-handlers';
import type { ReminderDeps } from '@/lib/reminders/background';
import {
  NEXT_ALARM,
  SWEEP_ALARM,
  actOnReminders,
  lastNotificationItem,
  runReminders,
} from '@/lib/reminders/background';
import { CLAIM_LEASE_MS, reminderId, startOfDay } from '@/lib/reminders/schedule';
import { claimPlan } from '@/lib/reminders/state';
import { saveReminderSettings } from '@/lib/settings';
import {
  ACCOUNT,
  ORG_ID,
  PARTNER,
  PARTNER_ID,
  PERSON,
  inTimeZone,
  makeGrant,
  settings,
} from '../helpers/reminders';

inTimeZone('Europe/Berlin');

/** 10:00 on 2 March 2027, Berlin time (made once the zone is set). */
let NOW: Date;
beforeAll(() => {
  NOW = new Date(2027, 2, 2, 10);
});

let clock: Date;
const deps = (fields: Partial<ReminderDeps> = {}): ReminderDeps => ({
  now: () => clock,
  db: registerDb,
  supportsButtons: true,
  ...fields,
});

async function seed(...grants: Grant[]): Promise<void> {
  const db = registerDb();
  await db.accounts.add(ACCOUNT);
  await db.parties.bulkAdd([PERSON, PARTNER]);
  await db.grants.bulkAdd(grants);
}

async function notifications() {
  return (await fakeBrowser.notifications.getAll()) as unknown as Record<
    string,
    { title: string; message: string; buttons?: { title: string }[] }
  >;
}

const badge = () => fakeBrowser.action.getBadgeText({});

let worker: ReminderHandlers | undefined;

/** What a real worker start does: a fresh context registers every listener again. */
async function startWorker(d: ReminderDeps = deps()): Promise<void> {
  worker?.remove(); // the old worker is gone, with everything it held in memory
  closeRegisterDb();
  worker = registerReminderHandlers(d);
  await worker.started;
}

beforeEach(async () => {
  closeRegisterDb();
  await Dexie.delete(REGISTER_DB_NAME);
  clock = NOW;
  await saveReminderSettings(settings());
});

afterEach(() => {
  worker?.remove();
  worker = undefined;
  closeRegisterDb();
});

const dueReview = () => makeGrant({ nextReviewOn: '2027-03-02' });
const laterReview = () => makeGrant({ nextReviewOn: '2027-04-15' });
const staleInvite = () =>
  makeGrant({
    status: 'invited',
    acceptedAt: null,
    invitedAt: new Date(2027, 1, 20, 15).toISOString(),
    nextReviewOn: '2027-05-21',
  });

describe('alarms', () => {
  it('a worker start creates the daily sweep and an alarm at the next due time', async () => {
    await seed(laterReview());
    await startWorker();

    expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toMatchObject({ periodInMinutes: 1440 });
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({
      scheduledTime: startOfDay('2027-04-15').getTime(),
    });
    expect(await badge()).toBe('');
    expect(await notifications()).toEqual({});
  });

  it('keeps the sweep where it is on a restart, but re-creates it when it is gone', async () => {
    await seed(laterReview());
    await startWorker();
    const sweep = await fakeBrowser.alarms.get(SWEEP_ALARM);
    clock = new Date(NOW.getTime() + 3_600_000);
    await startWorker();
    expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toEqual(sweep);
  });

  it.each([
    ['the browser starts', () => fakeBrowser.runtime.onStartup.trigger()],
    [
      'the extension is updated',
      () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false }),
    ],
    [
      'the extension is installed',
      () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false }),
    ],
  ])('re-creates both alarms when %s', async (_when, fire) => {
    await seed(laterReview());
    await startWorker();
    await fakeBrowser.alarms.clearAll();

    await fire();
    await vi.waitFor(async () => {
      expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toBeDefined();
      expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({
        scheduledTime: startOfDay('2027-04-15').getTime(),
      });
    });
  });

  it('runs again when the register changes while the worker is awake', async () => {
    await seed();
    await startWorker();
    expect(await badge()).toBe('');
    await registerDb().grants.add(dueReview());
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
    expect(Object.keys(await notifications())).toHaveLength(1);
  });

  it('clears the next-due alarm when nothing is ahead', async () => {
    await seed();
    await startWorker();
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeUndefined();
  });

  it('the alarm firing at the due time shows the reminder', async () => {
    const g = laterReview();
    await seed(g);
    await startWorker();
    clock = startOfDay('2027-04-15');
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_ALARM, scheduledTime: clock.getTime() });
    await vi.waitFor(async () =>
      expect(Object.keys(await notifications())).toEqual([
        `reminder|${reminderId('review', g.id, '2027-04-15')}`,
      ]),
    );
    expect(await badge()).toBe('1');
  });
});

describe('notifications', () => {
  it('say who, which account, which role and why, with Chrome’s two buttons', async () => {
    const g = dueReview();
    await seed(g);
    await startWorker();

    const id = `reminder|${reminderId('review', g.id, '2027-03-02')}`;
    expect(await notifications()).toEqual({
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
    expect(await badge()).toBe('1');
  });

  it('are not shown twice after a simulated worker restart, nor when the alarm fires again', async () => {
    await seed(dueReview());
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await startWorker();
    expect(create).toHaveBeenCalledTimes(1);

    // The user closes it; the worker dies and starts again; the sweep fires.
    await fakeBrowser.notifications.clear(Object.keys(await notifications())[0]!);
    await startWorker();
    await runReminders(deps());
    await fakeBrowser.alarms.onAlarm.trigger({ name: SWEEP_ALARM, scheduledTime: 0 });
    await Promise.all([runReminders(deps()), runReminders(deps())]);

    expect(create).toHaveBeenCalledTimes(1);
    expect(await notifications()).toEqual({});
    // Still due, so still counted.
    expect(await badge()).toBe('1');
  });

  it('that could not be shown are tried again on the next run', async () => {
    await seed(dueReview());
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const create = vi
      .spyOn(fakeBrowser.notifications, 'create')
      .mockRejectedValueOnce(new Error('Notifications are blocked'));
    await startWorker();
    expect(error).toHaveBeenCalledTimes(1);
    expect(await notifications()).toEqual({});
    expect(await badge()).toBe('1');

    await runReminders(deps());
    expect(create).toHaveBeenCalledTimes(2);
    expect(Object.keys(await notifications())).toHaveLength(1);
  });

  it('are shown again when the worker stopped between claiming one and creating its notification', async () => {
    await seed(dueReview());
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    // A run claims the reminder, and the worker is stopped before the notification exists.
    await claimPlan(registerDb(), settings(), clock);
    expect(create).not.toHaveBeenCalled();

    // It starts again at once: the claim still holds (a run may be showing it), so nothing is
    // shown yet, the badge counts it, and the next alarm is when the claim lapses.
    await startWorker();
    expect(create).not.toHaveBeenCalled();
    expect(await badge()).toBe('1');
    const lapse = clock.getTime() + CLAIM_LEASE_MS;
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({ scheduledTime: lapse });

    clock = new Date(lapse);
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_ALARM, scheduledTime: lapse });
    await vi.waitFor(async () => expect(Object.keys(await notifications())).toHaveLength(1));
    expect(create).toHaveBeenCalledTimes(1);
    // Now it counts as shown: later runs leave it alone.
    clock = new Date(lapse + 10 * CLAIM_LEASE_MS);
    await runReminders(deps());
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('forget what a notification stood for once it is gone', async () => {
    await seed(dueReview());
    await startWorker();
    const [id] = Object.keys(await notifications());
    expect(await fakeBrowser.storage.local.get(`reminder-notification:${id}`)).not.toEqual({});
    // Closed while the worker slept: no onClosed reached it.
    await fakeBrowser.notifications.clear(id!);
    await runReminders(deps());
    // A record under a minute old may belong to a notification being shown right now.
    expect(await fakeBrowser.storage.local.get(`reminder-notification:${id}`)).not.toEqual({
      [`reminder-notification:${id}`]: undefined,
    });
    clock = new Date(NOW.getTime() + 61_000);
    await runReminders(deps());
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
    await seed(dueReview(), staleInvite(), partnerContract);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await startWorker();

    expect(create).toHaveBeenCalledTimes(1);
    const [shown] = Object.values(await notifications());
    expect(shown).toMatchObject({
      title: '3 access reminders',
      message: [
        'Contract ending: Brightlane Agency BC (partner Business Center) (Operator)',
        'Invitation not accepted: Dana Kim (Standard · Operator)',
        'Review: Dana Kim (Standard · Operator)',
      ].join('\n'),
      buttons: [{ title: 'Show all' }, { title: 'Snooze all 1 day' }],
    });
    expect(await badge()).toBe('3');
  });

  it('wait for the end of quiet hours, while the badge already counts', async () => {
    await saveReminderSettings(
      settings({ quietHours: { enabled: true, start: '21:00', end: '08:00' } }),
    );
    await seed(dueReview());
    clock = new Date(2027, 2, 2, 6, 30);
    await startWorker();
    expect(await notifications()).toEqual({});
    expect(await badge()).toBe('1');
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(
      new Date(2027, 2, 2, 8).getTime(),
    );
  });

  it('stay off when turned off in options, and changing settings runs again', async () => {
    await saveReminderSettings(settings({ notificationsEnabled: false }));
    await seed(dueReview());
    await startWorker();
    expect(await notifications()).toEqual({});
    expect(await badge()).toBe('1');

    await saveReminderSettings(settings({ notificationsEnabled: true }));
    await vi.waitFor(async () => expect(Object.keys(await notifications())).toHaveLength(1));
  });
});

describe('buttons and clicks', () => {
  it('"Open in Business Center" opens the org’s Members page with the review hint', async () => {
    const g = dueReview();
    await seed(g);
    await startWorker();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const [id] = Object.keys(await notifications());

    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 0);
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({
        url: `https://business.tiktok.com/manage/users/members?org_id=${ORG_ID}#access-companion=review&grant=${g.id}`,
      }),
    );
    // Still up, so "Mark reviewed" can follow the look at Business Center.
    expect(Object.keys(await notifications())).toEqual([id]);
    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await vi.waitFor(async () => expect(await badge()).toBe(''));
    expect(await notifications()).toEqual({});
  });

  it('opens the Partners page for a partner Business Center', async () => {
    const g = makeGrant({
      partyId: PARTNER_ID,
      contractEndsOn: '2027-03-02',
      nextReviewOn: '2027-09-01',
    });
    await seed(g);
    await startWorker();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const [id] = Object.keys(await notifications());
    expect((await notifications())[id!]?.buttons).toEqual([
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
    await seed(g);
    await startWorker();
    const [id] = Object.keys(await notifications());

    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await vi.waitFor(async () => expect(await badge()).toBe(''));

    const db = registerDb();
    const after = await db.grants.get(g.id);
    expect(after).toMatchObject({
      rev: 2,
      lastReviewedAt: NOW.toISOString(),
      nextReviewOn: dayAfter(NOW, 90),
    });
    const history = await historyOf(db, g.id);
    expect(history.map((e) => [e.type, e.decision])).toEqual([['reviewed', 'keep']]);
    expect(history[0]?.before).toMatchObject({ rev: 1, nextReviewOn: '2027-03-02' });
    expect(history[0]?.after).toMatchObject({ rev: 2, nextReviewOn: '2027-05-31' });
    expect(await notifications()).toEqual({});
    expect((await db.reminders.get(reminderId('review', g.id, '2027-03-02')))?.doneAt).toBe(
      NOW.toISOString(),
    );
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(
      startOfDay('2027-05-31').getTime(),
    );
  });

  it('"Snooze 1 day" hides it until the same time tomorrow, then shows it once more', async () => {
    const g = staleInvite();
    await seed(g);
    await startWorker();
    const [id] = Object.keys(await notifications());
    expect((await notifications())[id!]?.title).toBe('Invitation not accepted: Dana Kim');

    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await vi.waitFor(async () => expect(await badge()).toBe(''));
    const tomorrow = new Date(2027, 2, 3, 10);
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(tomorrow.getTime());
    expect(await notifications()).toEqual({});

    // The worker sleeps through the night; the alarm wakes a fresh one.
    clock = tomorrow;
    await startWorker();
    expect(Object.keys(await notifications())).toEqual([id]);
    expect(await badge()).toBe('1');
  });

  it('snoozing for a week from the due list, across the DST change, keeps the time of day', async () => {
    const g = makeGrant({ nextReviewOn: '2027-03-26' });
    await seed(g);
    clock = new Date(2027, 2, 26, 9, 15);
    await startWorker();
    await actOnReminders([reminderId('review', g.id, '2027-03-26')], 'snoozeWeek', deps());
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(
      new Date(2027, 3, 2, 9, 15).getTime(),
    );
    expect(await badge()).toBe('');
  });

  it('the badge counts what is due and drops as items are dealt with', async () => {
    const a = dueReview();
    const b = staleInvite();
    await seed(a, b, laterReview());
    await startWorker();
    expect(await badge()).toBe('2');
    await actOnReminders([reminderId('invitation', b.id, '2027-02-27')], 'dismiss', deps());
    expect(await badge()).toBe('1');
    await actOnReminders([reminderId('review', a.id, '2027-03-02')], 'markReviewed', deps());
    expect(await badge()).toBe('');
  });

  it('refuses to mark a reminder that is not a review as reviewed, changing nothing', async () => {
    const b = staleInvite();
    await seed(b);
    await startWorker();
    await expect(
      actOnReminders([reminderId('invitation', b.id, '2027-02-27')], 'markReviewed', deps()),
    ).rejects.toThrow(/Only a review/);
    expect(await historyOf(registerDb(), b.id)).toEqual([]);
    expect(await badge()).toBe('1');
  });
});

describe('Firefox (no notification buttons)', () => {
  it('shows no buttons, and a click opens the grant in the register', async () => {
    const g = dueReview();
    await seed(g);
    await startWorker(deps({ supportsButtons: false }));
    const shown = await notifications();
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
    expect(await notifications()).toEqual({});
  });

  it('a grouped notification’s click opens the due list', async () => {
    await seed(dueReview(), staleInvite());
    await startWorker(deps({ supportsButtons: false }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const [id] = Object.keys(await notifications());
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({
        url: 'chrome-extension://test-extension-id/options.html#due',
      }),
    );
  });
});
