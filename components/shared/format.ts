import { uiLanguage } from '@/lib/i18n';
import type { Grant } from '@/lib/register';
// The popup's first screen formats its rows with this module before the register's database code
// loads (docs/register-performance.md): the words come by their path, not through the index.
// eslint-disable-next-line no-restricted-imports
import { roleNames } from '@/lib/register/labels';

/** A grant's roles in TikTok's words, e.g. "Standard · Operator", as the reminders say them. */
export function describeRoles(g: Pick<Grant, 'bcRole' | 'financeRole' | 'assetRole'>): string {
  return roleNames(g, 'role_none');
}

// One formatter per language: `toLocaleDateString(language, options)` builds a new one on each
// call, which costs more than the rest of a register row's rendering together.
const dayFormats = new Map<string | undefined, Intl.DateTimeFormat>();

const instantFormats = new Map<string | undefined, Intl.DateTimeFormat>();

function formatWith(
  formats: Map<string | undefined, Intl.DateTimeFormat>,
  options: Intl.DateTimeFormatOptions,
  date: Date,
): string {
  if (Number.isNaN(date.getTime())) return '—';
  const language = uiLanguage();
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    formats.set(language, format);
  }
  return format.format(date);
}

/** A day or instant as the user's locale writes a date. */
export function formatDay(value: string | null): string {
  if (!value) return '—';
  const date = value.length === 10 ? new Date(`${value}T00:00:00`) : new Date(value);
  return formatWith(dayFormats, { dateStyle: 'medium' }, date);
}

/** An instant as the user's locale writes a date with its time. */
export function formatInstant(value: string | null): string {
  if (!value) return '—';
  return formatWith(instantFormats, { dateStyle: 'medium', timeStyle: 'short' }, new Date(value));
}

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
