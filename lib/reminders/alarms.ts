/**
 * The reminders' alarms: one at the next moment anything falls due, and a daily sweep in case
 * that one is lost (clock changes, a crash mid-run). An MV3 service worker can be stopped at
 * any moment, so an alarm, never `setTimeout`, is what wakes it for the next reminder.
 */
import { browser } from 'wxt/browser';

/** The alarm set for the next moment anything falls due. */
export const NEXT_ALARM = 'reminders:next';
/** A daily sweep, in case the next-due alarm was lost. */
export const SWEEP_ALARM = 'reminders:sweep';
const SWEEP_MINUTES = 24 * 60;

/** Whether an alarm is one of the reminders' (the background has other alarms' listeners too). */
export function isReminderAlarm(name: string): boolean {
  return name === NEXT_ALARM || name === SWEEP_ALARM;
}

/** Set the next-due alarm at the earliest of the wake times, or clear it when there is none. */
export async function scheduleNextAlarm(...wakes: (Date | null)[]): Promise<void> {
  const times = wakes.filter((w): w is Date => w !== null).map((w) => w.getTime());
  if (times.length) await browser.alarms.create(NEXT_ALARM, { when: Math.min(...times) });
  else await browser.alarms.clear(NEXT_ALARM);
}

/** Make sure the daily sweep exists, without moving it when it does. */
export async function ensureSweepAlarm(): Promise<void> {
  const existing = await browser.alarms.get(SWEEP_ALARM);
  if (!existing) {
    await browser.alarms.create(SWEEP_ALARM, {
      delayInMinutes: SWEEP_MINUTES,
      periodInMinutes: SWEEP_MINUTES,
    });
  }
}
