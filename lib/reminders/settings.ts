/**
 * The reminder settings, in WXT storage (small settings use
 * `storage.defineItem` with a version). Values are checked with zod on every read, so a bad or
 * partial value falls back field by field instead of breaking the reminders.
 */
import { storage } from '#imports';
import { z } from 'zod';
import { DEFAULT_REVIEW_CADENCE_DAYS } from '../register/schema';

const clock = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time as HH:MM');

export const reminderSettingsSchema = z.object({
  /** The review cadence new grants get (a grant may set its own). */
  defaultCadenceDays: z.number().int().min(1).max(3650),
  /** An invitation still not accepted after this many days is reminded (TikTok publishes no expiry). */
  staleInvitationDays: z.number().int().min(1).max(365),
  /** Days before a contract's end to remind; the end day itself is always reminded. */
  contractLeadDays: z.array(z.number().int().min(1).max(365)).max(5),
  notificationsEnabled: z.boolean(),
  /** No notifications between `start` and `end` (local time; may run past midnight). */
  quietHours: z.object({ enabled: z.boolean(), start: clock, end: clock }),
});

export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;
export type QuietHours = ReminderSettings['quietHours'];

/** The settings a new install starts with (issue «Reminders»). */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  defaultCadenceDays: DEFAULT_REVIEW_CADENCE_DAYS,
  staleInvitationDays: 7,
  contractLeadDays: [14, 1],
  notificationsEnabled: true,
  quietHours: { enabled: true, start: '21:00', end: '08:00' },
};

/**
 * The stored settings. Version 1 is the first shape; a later shape adds a version and a
 * migration here (`migrations: { 2: (v1) => … }`), never a silent reinterpretation.
 */
export const reminderSettingsItem = storage.defineItem<ReminderSettings>(
  'local:reminder-settings',
  { fallback: DEFAULT_REMINDER_SETTINGS, version: 1 },
);

/** Repair a stored value: each field that is missing or invalid takes its default. */
export function normaliseSettings(value: unknown): ReminderSettings {
  const whole = reminderSettingsSchema.safeParse(value);
  if (whole.success) return whole.data;
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(reminderSettingsSchema.shape)) {
    const parsed = field.safeParse(raw[key]);
    out[key] = parsed.success
      ? parsed.data
      : DEFAULT_REMINDER_SETTINGS[key as keyof ReminderSettings];
  }
  return reminderSettingsSchema.parse(out);
}

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
