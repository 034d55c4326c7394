import { describe, expect, it } from 'vitest';
import {
  addDays,
  describeReminder,
  inQuietHours,
  localDay,
  planReminders,
  quietHoursEnd,
  reminderId,
  remindersOf,
  reviewDueOn,
  sameTimeDaysLater,
  startOfDay,
} from '@/lib/reminders/schedule';
import { PARTNER_ID, info, inTimeZone, makeGrant, settings, stateOf } from '../helpers/reminders';

/** A local wall-clock time in whatever zone the test runs in. */
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);

// Every rule is checked in several zones: UTC, both hemispheres' DST, a half-hour zone with a
// half-hour DST shift, and one 14 hours ahead of UTC (where "today" differs from UTC's).
// Offsets (minutes behind UTC, as getTimezoneOffset gives them) on 1 January and 1 July.
const ZONES: Record<string, [number, number]> = {
  UTC: [0, 0],
  'America/New_York': [300, 240],
  'Europe/Berlin': [-60, -120],
  'Australia/Lord_Howe': [-660, -630],
  'Pacific/Kiritimati': [-840, -840],
};

describe.each(Object.keys(ZONES))('scheduling in %s', (tz) => {
  inTimeZone(tz);

  it('really runs in that zone', () => {
    expect([
      new Date(Date.UTC(2027, 0, 1)).getTimezoneOffset(),
      new Date(Date.UTC(2027, 6, 1)).getTimezoneOffset(),
    ]).toEqual(ZONES[tz]);
  });

  describe('calendar days', () => {
    it('adds days across month ends, leap days and both DST changes', () => {
      expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
      expect(addDays('2027-03-13', 2)).toBe('2027-03-15');
      expect(addDays('2027-11-06', 1)).toBe('2027-11-07');
      expect(addDays('2027-10-30', 2)).toBe('2027-11-01');
      expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
      expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
      expect(addDays('2026-12-02', 90)).toBe('2027-03-02');
    });

    it('starts a day at the first local instant of it', () => {
      const start = startOfDay('2027-03-28');
      expect(localDay(start)).toBe('2027-03-28');
      expect(localDay(new Date(start.getTime() - 1))).toBe('2027-03-27');
    });

    it('snoozes to the same wall-clock time, however long the day is', () => {
      for (const [y, mo, d] of [
        [2027, 3, 13],
        [2027, 3, 27],
        [2027, 11, 6],
        [2027, 10, 30],
        [2027, 4, 3],
        [2027, 10, 2],
      ] as const) {
        const from = local(y, mo, d, 9, 30);
        const next = sameTimeDaysLater(from, 1);
        expect(localDay(next)).toBe(addDays(localDay(from), 1));
        expect([next.getHours(), next.getMinutes()]).toEqual([9, 30]);
        expect(localDay(sameTimeDaysLater(from, 7))).toBe(addDays(localDay(from), 7));
      }
    });
  });

  describe('review due', () => {
    it('uses the register’s next review day when it has one', () => {
      expect(reviewDueOn(makeGrant({ nextReviewOn: '2027-02-01' }))).toBe('2027-02-01');
    });

    it('is last review, else acceptance, else invitation + cadence', () => {
      const reviewed = local(2027, 1, 10, 23, 30).toISOString();
      const accepted = local(2026, 12, 1, 0, 15).toISOString();
      expect(reviewDueOn(makeGrant({ lastReviewedAt: reviewed, acceptedAt: accepted }))).toBe(
        '2027-04-10',
      );
      expect(reviewDueOn(makeGrant({ acceptedAt: accepted, reviewCadenceDays: 30 }))).toBe(
        '2026-12-31',
      );
      expect(
        reviewDueOn(makeGrant({ acceptedAt: null, invitedAt: local(2027, 3, 1, 8).toISOString() })),
      ).toBe('2027-05-30');
    });

    it('falls due at local midnight on the day, and the next wake is that midnight', () => {
      const g = makeGrant({ nextReviewOn: '2027-03-28' });
      const before = planReminders([info(g)], [], settings(), local(2027, 3, 27, 23, 59));
      expect(before.due).toEqual([]);
      expect(before.nextWakeAt).toEqual(startOfDay('2027-03-28'));

      const at = planReminders([info(g)], [], settings(), startOfDay('2027-03-28'));
      expect(at.due.map((r) => r.id)).toEqual([reminderId('review', g.id, '2027-03-28')]);
      expect(at.toNotify.map((r) => r.id)).toEqual([reminderId('review', g.id, '2027-03-28')]);
      expect(at.nextWakeAt).toBeNull();
    });

    it('is only for access that exists', () => {
      const now = local(2027, 6, 1, 12);
      for (const status of ['invited', 'revoked', 'expired', 'rejected'] as const) {
        const g = makeGrant({ status, nextReviewOn: '2027-01-01', invitedAt: null });
        expect(planReminders([info(g)], [], settings(), now).due).toEqual([]);
      }
      const suspended = makeGrant({ status: 'suspended', nextReviewOn: '2027-01-01' });
      expect(planReminders([info(suspended)], [], settings(), now).due).toHaveLength(1);
      const deleted = makeGrant({ nextReviewOn: '2027-01-01', deletedAt: now.toISOString() });
      expect(planReminders([info(deleted)], [], settings(), now).due).toEqual([]);
    });
  });

  describe('stale invitation', () => {
    const invitedAt = () => local(2027, 3, 10, 18).toISOString();

    it('falls due N days after the invitation (7 by default, or as set)', () => {
      const g = makeGrant({ status: 'invited', invitedAt: invitedAt(), acceptedAt: null });
      const id = reminderId('invitation', g.id, '2027-03-17');
      expect(planReminders([info(g)], [], settings(), local(2027, 3, 16, 23)).due).toEqual([]);
      expect(
        planReminders([info(g)], [], settings(), local(2027, 3, 17, 0, 1)).due.map((r) => r.id),
      ).toEqual([id]);
      const three = planReminders(
        [info(g)],
        [],
        settings({ staleInvitationDays: 3 }),
        local(2027, 3, 13, 1),
      );
      expect(three.due.map((r) => r.id)).toEqual([reminderId('invitation', g.id, '2027-03-13')]);
    });

    it('stops once the invitation is accepted', () => {
      const g = makeGrant({ status: 'active', invitedAt: invitedAt(), nextReviewOn: '2027-06-08' });
      expect(remindersOf(info(g), settings()).map((r) => r.kind)).toEqual(['review']);
    });

    it('says who, where, which role, and how to fix it', () => {
      const g = makeGrant({ status: 'invited', invitedAt: invitedAt(), acceptedAt: null });
      const [r] = planReminders([info(g)], [], settings(), local(2027, 3, 19, 10)).due;
      expect(describeReminder(r!, local(2027, 3, 19, 10))).toEqual({
        title: 'Invitation not accepted: Dana Kim',
        message:
          'Invited 9 days ago as Standard · Operator on Northwind Outdoor (Business Center 7012345678901234567). Check the address for a typo, ask them to look in spam, or Resend it from the Members page.',
      });
    });
  });

  describe('contract ending', () => {
    const g = () =>
      makeGrant({ partyId: PARTNER_ID, contractEndsOn: '2027-03-28', nextReviewOn: '2028-01-01' });

    it('reminds 14 days and 1 day before, and on the day', () => {
      const stages = remindersOf(info(g()), settings()).filter((r) => r.kind === 'contract');
      expect(stages.map((r) => [r.dueOn, r.leadDays])).toEqual([
        ['2027-03-14', 14],
        ['2027-03-27', 1],
        ['2027-03-28', 0],
      ]);
    });

    it('counts only the latest stage reached, so a sleeping computer sees one reminder', () => {
      const grant = g();
      const plan = planReminders([info(grant)], [], settings(), local(2027, 3, 27, 9));
      expect(plan.due.map((r) => r.id)).toEqual([reminderId('contract', grant.id, '2027-03-27')]);
      expect(plan.nextWakeAt).toEqual(startOfDay('2027-03-28'));
      expect(describeReminder(plan.due[0]!, local(2027, 3, 27, 9)).title).toBe(
        'Contract ends tomorrow: Brightlane Agency BC (partner Business Center)',
      );
    });

    it('stays due after the end day until dealt with', () => {
      const grant = g();
      const now = local(2027, 4, 2, 9);
      const [r] = planReminders([info(grant)], [], settings(), now).due;
      expect(r?.id).toBe(reminderId('contract', grant.id, '2027-03-28'));
      expect(describeReminder(r!, now).title).toMatch(/^Contract ended 5 days ago: /);
      const done = stateOf(r!.id, { doneAt: now.toISOString() });
      expect(planReminders([info(grant)], [done], settings(), now).due).toEqual([]);
    });

    it('follows the lead days set in options', () => {
      const stages = remindersOf(info(g()), settings({ contractLeadDays: [7, 30, 7] }));
      expect(stages.filter((r) => r.kind === 'contract').map((r) => r.leadDays)).toEqual([
        30, 7, 0,
      ]);
    });

    it('ignores ended access', () => {
      const revoked = makeGrant({ status: 'revoked', contractEndsOn: '2027-03-28' });
      expect(remindersOf(info(revoked), settings())).toEqual([]);
    });
  });

  describe('shown once, snoozed, done', () => {
    const g = makeGrant({ nextReviewOn: '2027-03-01' });
    const id = reminderId('review', g.id, '2027-03-01');
    // Built in each test, once the zone is set (describe bodies run before beforeAll).
    const now = () => local(2027, 3, 2, 10);

    it('a shown reminder still counts, but is not notified again', () => {
      const shown = stateOf(id, { shownAt: local(2027, 3, 1, 9).toISOString() });
      const plan = planReminders([info(g)], [shown], settings(), now());
      expect(plan.due.map((r) => r.id)).toEqual([id]);
      expect(plan.toNotify).toEqual([]);
    });

    it('a snoozed reminder is neither counted nor notified until its snooze ends', () => {
      const until = local(2027, 3, 3, 10);
      const snoozed = stateOf(id, {
        shownAt: local(2027, 3, 2, 9).toISOString(),
        snoozedUntil: until.toISOString(),
      });
      const during = planReminders([info(g)], [snoozed], settings(), now());
      expect(during.due).toEqual([]);
      expect(during.nextWakeAt).toEqual(until);

      const after = planReminders([info(g)], [snoozed], settings(), until);
      expect(after.due.map((r) => r.id)).toEqual([id]);
      expect(after.toNotify.map((r) => r.id)).toEqual([id]);

      const reshown = stateOf(id, { ...snoozed, shownAt: until.toISOString() });
      expect(planReminders([info(g)], [reshown], settings(), until).toNotify).toEqual([]);
    });

    it('a done reminder is gone', () => {
      const done = stateOf(id, { doneAt: now().toISOString() });
      expect(planReminders([info(g)], [done], settings(), now())).toMatchObject({
        due: [],
        toNotify: [],
        nextWakeAt: null,
      });
    });
  });

  describe('settings', () => {
    const g = makeGrant({ nextReviewOn: '2027-03-01' });

    it('with notifications off, due reminders still count but nothing is notified', () => {
      const plan = planReminders(
        [info(g)],
        [],
        settings({ notificationsEnabled: false }),
        local(2027, 3, 1, 10),
      );
      expect(plan.due).toHaveLength(1);
      expect(plan.toNotify).toEqual([]);
    });

    it('quiet hours hold notifications until they end, even past midnight', () => {
      const quiet = { enabled: true, start: '21:00', end: '08:00' };
      const plan = planReminders(
        [info(g)],
        [],
        settings({ quietHours: quiet }),
        local(2027, 3, 1, 0, 0),
      );
      expect(plan).toMatchObject({ toNotify: [], heldByQuietHours: true });
      expect(plan.due).toHaveLength(1);
      expect(plan.nextWakeAt).toEqual(local(2027, 3, 1, 8));

      const morning = planReminders(
        [info(g)],
        [],
        settings({ quietHours: quiet }),
        local(2027, 3, 1, 8),
      );
      expect(morning.toNotify).toHaveLength(1);
    });

    it('tells quiet hours apart in both shapes of range', () => {
      const night = { enabled: true, start: '21:00', end: '08:00' };
      const day = { enabled: true, start: '12:00', end: '13:30' };
      expect(inQuietHours(local(2027, 3, 1, 21), night)).toBe(true);
      expect(inQuietHours(local(2027, 3, 1, 7, 59), night)).toBe(true);
      expect(inQuietHours(local(2027, 3, 1, 8), night)).toBe(false);
      expect(inQuietHours(local(2027, 3, 1, 20, 59), night)).toBe(false);
      expect(inQuietHours(local(2027, 3, 1, 13, 29), day)).toBe(true);
      expect(inQuietHours(local(2027, 3, 1, 13, 30), day)).toBe(false);
      expect(inQuietHours(local(2027, 3, 1, 22), { ...night, enabled: false })).toBe(false);
      expect(quietHoursEnd(local(2027, 3, 1, 22), night)).toEqual(local(2027, 3, 2, 8));
      expect(quietHoursEnd(local(2027, 3, 27, 22), night)).toEqual(local(2027, 3, 28, 8));
    });
  });

  it('groups what fell due while asleep and wakes for the soonest future item', () => {
    const a = makeGrant({ nextReviewOn: '2027-02-01' });
    const b = makeGrant({
      status: 'invited',
      acceptedAt: null,
      invitedAt: local(2027, 2, 1).toISOString(),
    });
    const c = makeGrant({ nextReviewOn: '2027-05-01' });
    const plan = planReminders([info(c), info(b), info(a)], [], settings(), local(2027, 3, 1, 9));
    expect(plan.toNotify.map((r) => r.grantId)).toEqual([a.id, b.id]);
    expect(plan.nextWakeAt).toEqual(startOfDay('2027-05-01'));
  });
});
