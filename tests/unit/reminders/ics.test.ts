import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeText, foldLine, upcomingReviewsIcs, utcStamp } from '@/lib/reminders/ics';
import { reminderId } from '@/lib/reminders/schedule';
import { PARTNER_ID, info, inTimeZone, makeGrant, settings } from '../helpers/reminders';

const NOW = new Date('2027-03-01T09:30:15.123Z');
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'Zoë Łukasz 東京 '.repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    parts.slice(1).forEach((p) => expect(p.startsWith(' ')).toBe(true));
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('stamps instants in UTC basic format', () => {
    expect(utcStamp(NOW)).toBe('20270301T093015Z');
  });
});

describe('upcoming reviews as .ics', () => {
  inTimeZone('America/New_York');

  const dana = makeGrant({ nextReviewOn: '2027-03-05' });
  const partner = makeGrant({
    partyId: PARTNER_ID,
    nextReviewOn: '2027-06-01',
    assetRole: 'analyst',
  });
  const overdue = makeGrant({ nextReviewOn: '2027-02-01' });
  const farAway = makeGrant({ nextReviewOn: '2029-01-01' });
  const invited = makeGrant({ status: 'invited', acceptedAt: null, invitedAt: NOW.toISOString() });
  let ics: string;
  beforeAll(() => {
    ics = upcomingReviewsIcs(
      [info(partner), info(dana), info(overdue), info(farAway), info(invited)],
      settings(),
      NOW,
      '2027-03-01',
    );
  });

  it('uses CRLF line ends only, and no line is longer than 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('parses as a calendar with one all-day event per upcoming review, soonest first', () => {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Access Companion/);
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual([
      `${reminderId('review', dana.id, '2027-03-05')}@access-companion.invalid`,
      `${reminderId('review', partner.id, '2027-06-01')}@access-companion.invalid`,
    ]);
    const [first, second] = events;
    expect(first!.summary).toBe('Review access: Dana Kim');
    expect(first!.startDate.isDate).toBe(true);
    expect(first!.startDate.toString()).toBe('2027-03-05');
    expect(first!.endDate.toString()).toBe('2027-03-06');
    expect(first!.description).toBe(
      'Standard · Operator on Northwind Outdoor (Business Center 7012345678901234567).\nReview every 90 days: keep, lower or revoke, in the Access Companion register.',
    );
    expect(second!.summary).toBe('Review access: Brightlane Agency BC (partner Business Center)');
    for (const c of calendar.getAllSubcomponents('vevent')) {
      expect(c.getFirstProperty('dtstamp')?.toICALString()).toBe('DTSTAMP:20270301T093015Z');
    }
  });

  it('is a valid empty calendar when nothing is upcoming', () => {
    const empty = upcomingReviewsIcs([], settings(), NOW, '2027-03-01');
    expect(empty).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Access Companion for TikTok Ads//Reminders//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Access reviews',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(new ICAL.Component(ICAL.parse(empty)).getAllSubcomponents('vevent')).toEqual([]);
  });
});
