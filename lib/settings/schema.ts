/**
 * What the settings are and what a new install starts with: plain data, so the register and its
 * workers can take the defaults without loading storage. Values are checked with zod on every
 * read, so a bad or partial value falls back field by field instead of breaking the reminders.
 */
import { z } from 'zod';

/** The review cadence a new grant gets unless the settings or the grant say otherwise. */
export const DEFAULT_REVIEW_CADENCE_DAYS = 90;

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

/** The settings a new install starts with. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  defaultCadenceDays: DEFAULT_REVIEW_CADENCE_DAYS,
  staleInvitationDays: 7,
  contractLeadDays: [14, 1],
  notificationsEnabled: true,
  quietHours: { enabled: true, start: '21:00', end: '08:00' },
};

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
