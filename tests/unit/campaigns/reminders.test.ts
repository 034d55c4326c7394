import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Campaign } from '@/lib/campaigns';
import { decideItems, readCampaignItems, startCampaign } from '@/lib/campaigns';
import { registerDb } from '@/lib/register/db';
import { recordGrant } from '@/lib/register/grants';
import { NEXT_ALARM } from '@/lib/reminders/alarms';
import { onNotificationClick, runReminders } from '@/lib/reminders/run';
import type { CampaignInfo } from '@/lib/reminders/campaigns';
import {
  CAMPAIGN_DUE_SOON_DAYS,
  campaignReminderId,
  claimCampaignPlan,
  planCampaignReminders,
} from '@/lib/reminders/campaigns';
import { CLAIM_LEASE_MS, startOfDay } from '@/lib/reminders/schedule';
import { inTimeZone, settings } from '../helpers/reminders';
import { badgeText, shownNotifications, setUpReminderWorker } from '../helpers/reminder-worker';

inTimeZone('Europe/Berlin');

const CAMPAIGN_ID = '7b000000-0000-4000-8000-000000000001';
const campaignRow = (fields: Partial<Campaign> = {}): Campaign => ({
  id: CAMPAIGN_ID,
  createdAt: '2027-03-01T09:00:00.000Z',
  updatedAt: '2027-03-01T09:00:00.000Z',
  rev: 1,
  scope: { kind: 'everything' },
  scopeLabel: '',
  reviewer: 'Rita',
  dueOn: '2027-03-10',
  startedAt: '2027-03-01T09:00:00.000Z',
  staleInvitationDays: 14,
  undecidedAtDue: 'undecided',
  itemCount: 4,
  closedAt: null,
  ...fields,
});
const info = (fields: Partial<Campaign> = {}, undecided = 2): CampaignInfo => ({
  campaign: campaignRow(fields),
  undecided,
});
const quiet = settings();

describe('planning campaign reminders', () => {
  it('nothing before the due date nears; then "due soon"; after the due date, "overdue" only', () => {
    const soonAt = startOfDay('2027-03-07');
    const overdueAt = startOfDay('2027-03-11');
    const before = planCampaignReminders([info()], [], quiet, new Date(2027, 2, 6, 12));
    expect(before.due).toEqual([]);
    expect(before.nextWakeAt).toEqual(soonAt);
    expect(CAMPAIGN_DUE_SOON_DAYS).toBe(3);

    const soon = planCampaignReminders([info()], [], quiet, new Date(2027, 2, 7, 0, 0));
    expect(soon.due.map((r) => r.id)).toEqual([
      campaignReminderId('campaignDueSoon', CAMPAIGN_ID, '2027-03-10'),
    ]);
    expect(soon.toNotify).toEqual(soon.due);
    expect(soon.nextWakeAt).toEqual(overdueAt);

    const late = planCampaignReminders([info()], [], quiet, new Date(2027, 2, 11, 9));
    expect(late.due.map((r) => r.kind)).toEqual(['campaignOverdue']);
    expect(late.nextWakeAt).toBeNull();
  });

  it('none once every item is decided or the campaign is closed', () => {
    const now = new Date(2027, 2, 12);
    expect(planCampaignReminders([info({}, 0)], [], quiet, now).due).toEqual([]);
    expect(
      planCampaignReminders([info({ closedAt: '2027-03-05T09:00:00.000Z' })], [], quiet, now).due,
    ).toEqual([]);
  });

  it('shown once; a lapsed claim without a notification is shown again; quiet hours wait', () => {
    const now = new Date(2027, 2, 11, 9);
    const id = campaignReminderId('campaignOverdue', CAMPAIGN_ID, '2027-03-10');
    const state = (fields: object) => ({
      id,
      kind: 'campaignOverdue' as const,
      campaignId: CAMPAIGN_ID,
      dueOn: '2027-03-10',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      rev: 1,
      shownAt: null,
      claimedAt: null,
      doneAt: null,
      ...fields,
    });
    const shown = planCampaignReminders(
      [info()],
      [state({ shownAt: now.toISOString() })],
      quiet,
      now,
    );
    expect(shown.due).toHaveLength(1);
    expect(shown.toNotify).toEqual([]);
    const claimed = state({ claimedAt: now.toISOString() });
    const held = planCampaignReminders([info()], [claimed], quiet, now);
    expect(held.toNotify).toEqual([]);
    expect(held.nextWakeAt).toEqual(new Date(now.getTime() + CLAIM_LEASE_MS));
    const lapsed = planCampaignReminders(
      [info()],
      [claimed],
      quiet,
      new Date(now.getTime() + CLAIM_LEASE_MS),
    );
    expect(lapsed.toNotify.map((r) => r.id)).toEqual([id]);
    const night = settings({ quietHours: { enabled: true, start: '21:00', end: '08:00' } });
    const atNight = planCampaignReminders([info()], [], night, new Date(2027, 2, 11, 23));
    expect(atNight.due).toHaveLength(1);
    expect(atNight.toNotify).toEqual([]);
    expect(atNight.nextWakeAt).toEqual(new Date(2027, 2, 12, 8));
  });
});

describe('campaign reminders in the background', () => {
  const worker = setUpReminderWorker(() => new Date(2027, 2, 2, 10));
  let campaignId = '';

  beforeEach(async () => {
    const db = registerDb();
    for (const name of ['Dana', 'Sam']) {
      await recordGrant(
        db,
        {
          account: { kind: 'businessCenter', externalId: '7012345678901234567', ownership: 'mine' },
          party: { kind: 'person', name, email: `${name.toLowerCase()}@x.example` },
          bcRole: 'standard',
          assetRole: 'operator',
          status: 'active',
          acceptedAt: worker.clock.toISOString(),
          reviewCadenceDays: 365,
        },
        { source: 'manual', now: worker.clock },
      );
    }
    const c = await startCampaign(
      db,
      { scope: { kind: 'everything' }, reviewer: 'Rita', dueOn: '2027-03-10' },
      worker.clock,
    );
    campaignId = c.id;
  });

  it('notifies as the due date nears, counts in the badge, and opens the campaign', async () => {
    await runReminders(worker.deps());
    expect(await shownNotifications()).toEqual({});
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toMatchObject({
      scheduledTime: startOfDay('2027-03-07').getTime(),
    });

    worker.clock = new Date(2027, 2, 7, 9);
    await runReminders(worker.deps());
    const id = `campaign-reminder|campaignDueSoon:${campaignId}:2027-03-10`;
    expect(await shownNotifications()).toEqual({
      [id]: expect.objectContaining({
        title: 'Access review due 2027-03-10',
        message: 'Everything in the register · 2 of 2 items undecided · reviewer Rita',
        buttons: [{ title: 'Open the review' }],
      }),
    });
    expect(await badgeText()).toBe('1');

    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNotificationClick(id);
    expect(create).toHaveBeenCalledWith({
      url: expect.stringMatching(new RegExp(`/register\\.html#campaign=${campaignId}$`)),
    });
  });

  it('is overdue after the due date, and ends once every item is decided', async () => {
    worker.clock = new Date(2027, 2, 11, 9);
    await runReminders(worker.deps());
    expect(Object.values(await shownNotifications()).map((n) => n.title)).toEqual([
      'Access review overdue since 2027-03-10',
    ]);
    expect(await badgeText()).toBe('1');
    const items = await readCampaignItems(registerDb(), campaignId);
    await decideItems(
      registerDb(),
      campaignId,
      items.map((i) => ({ itemId: i.id, input: { kind: 'keep' } })),
      worker.clock,
    );
    await runReminders(worker.deps());
    expect(await badgeText()).toBe('');
  });

  it('is shown again when the worker stopped between claiming it and creating its notification', async () => {
    worker.clock = new Date(2027, 2, 11, 9);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await claimCampaignPlan(registerDb(), settings(), worker.clock);
    await runReminders(worker.deps());
    expect(create).not.toHaveBeenCalled();
    expect(await badgeText()).toBe('1');
    worker.clock = new Date(worker.clock.getTime() + CLAIM_LEASE_MS);
    await runReminders(worker.deps());
    expect(create).toHaveBeenCalledTimes(1);
    worker.clock = new Date(worker.clock.getTime() + 10 * CLAIM_LEASE_MS);
    await runReminders(worker.deps());
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('a failed notification gives its claim back and is tried again', async () => {
    worker.clock = new Date(2027, 2, 11, 9);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const create = vi
      .spyOn(fakeBrowser.notifications, 'create')
      .mockRejectedValueOnce(new Error('Notifications are blocked'));
    await runReminders(worker.deps());
    expect(await shownNotifications()).toEqual({});
    await runReminders(worker.deps());
    expect(create).toHaveBeenCalledTimes(2);
    expect(Object.keys(await shownNotifications())).toHaveLength(1);
    vi.restoreAllMocks();
  });
});
