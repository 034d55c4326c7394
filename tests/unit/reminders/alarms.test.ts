/**
 * The reminders' alarms: the daily sweep and the next-due alarm, set at every worker start,
 * browser start and install, and what their firing does.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerDb } from '@/lib/register/db';
import { NEXT_ALARM, SWEEP_ALARM } from '@/lib/reminders/alarms';
import { reminderId, startOfDay } from '@/lib/reminders/schedule';
import { inTimeZone } from '../helpers/reminders';
import {
  badgeText,
  dueReview,
  laterReview,
  marchMorning,
  seedGrants,
  shownNotifications,
  setUpReminderWorker,
} from '../helpers/reminder-worker';

inTimeZone('Europe/Berlin');

const worker = setUpReminderWorker(marchMorning);
/** The morning every test starts at. */
const NOW = () => marchMorning();

describe('alarms', () => {
  it('a worker start creates the daily sweep and an alarm at the next due time', async () => {
    await seedGrants(laterReview());
    await worker.start();

    expect(await fakeBrowser.alarms.get(SWEEP_ALARM)).toMatchObject({ periodInMinutes: 1440 });
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({
      scheduledTime: startOfDay('2027-04-15').getTime(),
    });
    expect(await badgeText()).toBe('');
    expect(await shownNotifications()).toEqual({});
  });

  it('keeps the sweep where it is on a restart, but re-creates it when it is gone', async () => {
    await seedGrants(laterReview());
    await worker.start();
    const sweep = await fakeBrowser.alarms.get(SWEEP_ALARM);
    worker.clock = new Date(NOW().getTime() + 3_600_000);
    await worker.start();
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
    await seedGrants(laterReview());
    await worker.start();
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
    await seedGrants();
    await worker.start();
    expect(await badgeText()).toBe('');
    await registerDb().grants.add(dueReview());
    await vi.waitFor(async () => expect(await badgeText()).toBe('1'));
    expect(Object.keys(await shownNotifications())).toHaveLength(1);
  });

  it('clears the next-due alarm when nothing is ahead', async () => {
    await seedGrants();
    await worker.start();
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeUndefined();
  });

  it('the alarm firing at the due time shows the reminder', async () => {
    const g = laterReview();
    await seedGrants(g);
    await worker.start();
    worker.clock = startOfDay('2027-04-15');
    await fakeBrowser.alarms.onAlarm.trigger({
      name: NEXT_ALARM,
      scheduledTime: worker.clock.getTime(),
    });
    await vi.waitFor(async () =>
      expect(Object.keys(await shownNotifications())).toEqual([
        `reminder|${reminderId('review', g.id, '2027-04-15')}`,
      ]),
    );
    expect(await badgeText()).toBe('1');
  });
});
