import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REGISTER_DB_NAME, closeRegisterDb, registerDb } from '@/lib/register/db';
import { GrantNotFoundError, historyOf } from '@/lib/register/grants';
import { reminderId } from '@/lib/reminders/schedule';
import {
  DEFAULT_REMINDER_SETTINGS,
  defaultReviewCadence,
  loadReminderSettings,
  normaliseSettings,
  saveReminderSettings,
} from '@/lib/settings';
import {
  businessCenterUrl,
  parseReminderId,
  reviewGrant,
  snoozeReminders,
} from '@/lib/reminders/state';
import {
  ACCOUNT,
  ORG_ID,
  PARTNER,
  PARTNER_ID,
  PERSON,
  info,
  makeGrant,
} from '../helpers/reminders';
import { classifyUrl } from '@/lib/tiktok/routes';

const NOW = new Date('2027-03-02T09:00:00.000Z');

beforeEach(async () => {
  closeRegisterDb();
  await Dexie.delete(REGISTER_DB_NAME);
  const db = registerDb();
  await db.accounts.add(ACCOUNT);
  await db.parties.bulkAdd([PERSON, PARTNER]);
});

afterEach(() => closeRegisterDb());

describe('reviewGrant', () => {
  it.each([
    ['lower', 'members', PERSON.id],
    ['revoke', 'partners', PARTNER_ID],
  ] as const)(
    '%s records the decision and note, reschedules, and offers the %s checklist',
    async (decision, section, partyId) => {
      const g = makeGrant({ partyId, nextReviewOn: '2027-03-01', reviewCadenceDays: 30 });
      const db = registerDb();
      await db.grants.add(g);
      const outcome = await reviewGrant(db, g.id, decision, NOW, 'Only needs reports now.');

      expect(outcome.checklistUrl).toBe(
        `https://business.tiktok.com/manage/users/${section}?org_id=${ORG_ID}#access-companion=${decision}&grant=${g.id}`,
      );
      expect(outcome.grant).toMatchObject({
        rev: 2,
        lastReviewedAt: NOW.toISOString(),
        nextReviewOn: '2027-04-01',
        // The role itself changes only when it is changed on TikTok (the checklist records it).
        assetRole: 'operator',
        status: 'active',
      });
      const [e] = await historyOf(db, g.id);
      expect(e).toMatchObject({
        type: 'reviewed',
        decision,
        note: 'Only needs reports now.',
        before: { rev: 1, nextReviewOn: '2027-03-01' },
        after: { rev: 2, nextReviewOn: '2027-04-01' },
      });
      expect((await db.reminders.get(reminderId('review', g.id, '2027-03-01')))?.doneAt).toBe(
        NOW.toISOString(),
      );
    },
  );

  it('keep offers no checklist', async () => {
    const g = makeGrant({ nextReviewOn: '2027-03-01' });
    await registerDb().grants.add(g);
    expect((await reviewGrant(registerDb(), g.id, 'keep', NOW)).checklistUrl).toBeNull();
  });

  it('refuses a deleted grant and writes nothing', async () => {
    const g = makeGrant({ deletedAt: NOW.toISOString() });
    await registerDb().grants.add(g);
    await expect(reviewGrant(registerDb(), g.id, 'keep', NOW)).rejects.toBeInstanceOf(
      GrantNotFoundError,
    );
    expect(await historyOf(registerDb(), g.id)).toEqual([]);
    expect(await registerDb().reminders.count()).toBe(0);
  });
});

describe('reminder state rows', () => {
  it('are created on first use and bump their revision after', async () => {
    const id = reminderId('review', makeGrant().id, '2027-03-01');
    const db = registerDb();
    await snoozeReminders(db, [id], 1, NOW);
    const first = await db.reminders.get(id);
    expect(first).toMatchObject({ rev: 1, kind: 'review', dueOn: '2027-03-01', shownAt: null });
    await snoozeReminders(db, [id], 7, new Date(NOW.getTime() + 1000));
    expect(await db.reminders.get(id)).toMatchObject({
      rev: 2,
      createdAt: first?.createdAt,
      updatedAt: new Date(NOW.getTime() + 1000).toISOString(),
    });
  });

  it('ids are parsed strictly', () => {
    const g = makeGrant();
    expect(parseReminderId(`contract:${g.id}:2027-03-14`)).toEqual({
      kind: 'contract',
      grantId: g.id,
      dueOn: '2027-03-14',
    });
    expect(() => parseReminderId('review:nope:2027-03-14')).toThrow(/Not a reminder id/);
  });

  it('an ad account links to the Business Center that owns it, or to nothing', () => {
    const g = makeGrant();
    const ad = { ...ACCOUNT, kind: 'adAccount' as const, externalId: '7100000000000000001' };
    const owned = { ...info(g), account: { ...ad, ownerBcId: '7055555555555555555' } };
    // A person's permission on the ad account is reviewed and lowered on its own page.
    const asset =
      'https://business.tiktok.com/manage/accounts/adv/detail?org_id=7055555555555555555&aadvid=7100000000000000001';
    expect(businessCenterUrl(owned)).toBe(asset);
    expect(businessCenterUrl(owned, 'review')).toBe(
      `${asset}#access-companion=review&grant=${g.id}`,
    );
    expect(businessCenterUrl(owned, 'lower')).toBe(`${asset}#access-companion=lower&grant=${g.id}`);
    expect(classifyUrl(new URL(businessCenterUrl(owned, 'lower')!))).toBe('bc-asset-access');
    // Revoking removes the person on Members; invitations are the Business Center's.
    const members = 'https://business.tiktok.com/manage/users/members?org_id=7055555555555555555';
    expect(businessCenterUrl(owned, 'revoke')).toBe(
      `${members}#access-companion=revoke&grant=${g.id}`,
    );
    expect(businessCenterUrl(owned, 'resend')).toBe(
      `${members}#access-companion=resend&grant=${g.id}`,
    );
    // A partner's share of the ad account is changed on Partners (the lower-partner checklist).
    expect(businessCenterUrl({ ...owned, party: PARTNER }, 'lower')).toBe(
      `https://business.tiktok.com/manage/users/partners?org_id=7055555555555555555#access-companion=lower&grant=${g.id}`,
    );
    expect(businessCenterUrl({ ...info(g), account: { ...ad, ownerBcId: null } })).toBeNull();
  });
});

describe('reminder settings', () => {
  it('start from the defaults', async () => {
    expect(await loadReminderSettings()).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(await defaultReviewCadence()).toBe(90);
    await saveReminderSettings({ ...DEFAULT_REMINDER_SETTINGS, defaultCadenceDays: 45 });
    expect(await defaultReviewCadence()).toBe(45);
    await fakeBrowser.storage.local.clear();
    expect(DEFAULT_REMINDER_SETTINGS).toMatchObject({
      defaultCadenceDays: 90,
      staleInvitationDays: 7,
      contractLeadDays: [14, 1],
    });
  });

  it('repair a bad stored value field by field', async () => {
    await fakeBrowser.storage.local.set({
      'reminder-settings': {
        defaultCadenceDays: 30,
        staleInvitationDays: 'soon',
        contractLeadDays: [3],
        quietHours: { enabled: true, start: '25:00', end: '07:00' },
      },
    });
    expect(await loadReminderSettings()).toEqual({
      ...DEFAULT_REMINDER_SETTINGS,
      defaultCadenceDays: 30,
      contractLeadDays: [3],
    });
    expect(normaliseSettings(null)).toEqual(DEFAULT_REMINDER_SETTINGS);
  });

  it('save tidy lead days and refuse invalid values, keeping the old ones', async () => {
    const saved = await saveReminderSettings({
      ...DEFAULT_REMINDER_SETTINGS,
      contractLeadDays: [1, 30, 7, 30],
    });
    expect(saved.contractLeadDays).toEqual([30, 7, 1]);
    await expect(
      saveReminderSettings({ ...DEFAULT_REMINDER_SETTINGS, staleInvitationDays: 0 }),
    ).rejects.toThrow();
    expect((await loadReminderSettings()).contractLeadDays).toEqual([30, 7, 1]);
  });
});
