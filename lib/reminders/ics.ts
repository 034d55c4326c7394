/**
 * Upcoming reviews as an iCalendar file (RFC 5545): CRLF line ends, lines folded at 75 octets,
 * TEXT values escaped, a UID and DTSTAMP on every event. Reviews are all-day events on their
 * due day, so a calendar in any time zone shows them on the day the register means.
 */
import { formatNumber, t } from '../i18n';
import type { GrantInfo } from './schedule';
import { accountInSentence, partyInSentence, roleNames } from '../register/labels';
import { addDays, remindersOf } from './schedule';
import type { ReminderSettings } from '../settings/schema';

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Fold a content line so no line is longer than 75 octets (RFC 5545 §3.1), never splitting a
 * UTF-8 character: continuation lines start with one space.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line may hold 75 octets; continuations hold 74 after their leading space.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

function basicDate(day: string): string {
  return day.replace(/-/g, '');
}

/** An instant as an RFC 5545 UTC DATE-TIME, e.g. `20261127T183200Z`. */
export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Upcoming reviews (due today or later, within `horizonDays`) as an .ics file's text. */
export function upcomingReviewsIcs(
  grants: readonly GrantInfo[],
  settings: Pick<ReminderSettings, 'staleInvitationDays' | 'contractLeadDays'>,
  now: Date,
  today: string,
  horizonDays = 366,
): string {
  const last = addDays(today, horizonDays);
  const reviews = grants
    .flatMap((info) => remindersOf(info, settings))
    .filter((r) => r.kind === 'review' && r.dueOn >= today && r.dueOn <= last)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Access Companion for TikTok Ads//Reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(t('reminders_ics_calendarName'))}`,
  ];
  for (const r of reviews) {
    const g = r.info.grant;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${r.id}@access-companion.invalid`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(r.dueOn)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(r.dueOn, 1))}`,
      `SUMMARY:${escapeText(t('reminders_review_title', partyInSentence(r.info)))}`,
      `DESCRIPTION:${escapeText(
        t(
          'reminders_ics_description',
          roleNames(g),
          accountInSentence(r.info),
          formatNumber(g.reviewCadenceDays),
        ),
      )}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
