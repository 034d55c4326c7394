/**
 * The settings, in WXT storage (small settings use `storage.defineItem` with a version).
 * Reminders, the background and the pages read them here; the register takes only the defaults
 * (./schema). Settings import nothing of ours, so they sit below both register and reminders.
 */
import { storage } from '#imports';
import type { ReminderSettings } from './schema';
import { DEFAULT_REMINDER_SETTINGS, normaliseSettings, reminderSettingsSchema } from './schema';

export * from './schema';

/**
 * The stored settings. Version 1 is the first shape; a later shape adds a version and a
 * migration here (`migrations: { 2: (v1) => … }`), never a silent reinterpretation.
 */
export const reminderSettingsItem = storage.defineItem<ReminderSettings>(
  'local:reminder-settings',
  { fallback: DEFAULT_REMINDER_SETTINGS, version: 1 },
);

/** The reminder settings as stored, repaired where need be. */
export async function loadReminderSettings(): Promise<ReminderSettings> {
  return normaliseSettings(await reminderSettingsItem.getValue());
}

/** Store new settings; refuses (with zod's message) values that are not valid. */
export async function saveReminderSettings(next: ReminderSettings): Promise<ReminderSettings> {
  const parsed = reminderSettingsSchema.parse(next);
  // Lead days are kept unique and furthest first, which is how they are shown.
  const tidy = {
    ...parsed,
    contractLeadDays: [...new Set(parsed.contractLeadDays)].sort((a, b) => b - a),
  };
  await reminderSettingsItem.setValue(tidy);
  return tidy;
}

/**
 * The review cadence to give a grant being recorded (pass it as `reviewCadenceDays` to
 * `recordGrant`): the options page's default, which the register's own default only stands in for.
 */
export async function defaultReviewCadence(): Promise<number> {
  return (await loadReminderSettings()).defaultCadenceDays;
}
