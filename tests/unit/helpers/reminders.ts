/**
 * Register rows for reminder tests: one account and party, and grants built field by field so
 * each test states exactly the dates it is about.
 */
import type { Account, Grant, Party, ReminderState } from '@/lib/register/schema';
import { account, grant, party, reminderState } from '@/lib/register/schema';
import type { GrantInfo } from '@/lib/reminders/schedule';
import type { ReminderSettings } from '@/lib/settings';
import { DEFAULT_REMINDER_SETTINGS } from '@/lib/settings';

export const ORG_ID = '7012345678901234567';
export const ACCOUNT_ID = '5f0c2a51-0000-4000-8000-000000000001';
export const PERSON_ID = '5f0c2a51-0000-4000-8000-000000000002';
export const PARTNER_ID = '5f0c2a51-0000-4000-8000-000000000003';
const CREATED = '2026-01-01T12:00:00.000Z';

export const ACCOUNT: Account = account.parse({
  id: ACCOUNT_ID,
  createdAt: CREATED,
  updatedAt: CREATED,
  rev: 1,
  deletedAt: null,
  kind: 'businessCenter',
  externalId: ORG_ID,
  name: 'Northwind Outdoor',
  ownerBcId: null,
  ownership: 'mine',
});

export const PERSON: Party = party.parse({
  id: PERSON_ID,
  createdAt: CREATED,
  updatedAt: CREATED,
  rev: 1,
  deletedAt: null,
  kind: 'person',
  name: 'Dana Kim',
  email: 'dana@brightlane-agency.com',
  bcId: null,
  organisation: 'Brightlane Agency',
  notes: '',
  isMe: false,
});

export const PARTNER: Party = party.parse({
  ...PERSON,
  id: PARTNER_ID,
  kind: 'partnerBc',
  name: 'Brightlane Agency BC',
  email: null,
  bcId: '7098765432109876543',
});

let serial = 0;

/** A grant with the given fields (active, reviewed every 90 days, nothing else set). */
export function makeGrant(fields: Partial<Grant> = {}): Grant {
  serial += 1;
  return grant.parse({
    id: `6a1d0000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    createdAt: CREATED,
    updatedAt: CREATED,
    rev: 1,
    deletedAt: null,
    accountId: ACCOUNT_ID,
    partyId: PERSON_ID,
    bcRole: 'standard',
    financeRole: null,
    assetRole: 'operator',
    status: 'active',
    invitedAt: null,
    acceptedAt: CREATED,
    revokedAt: null,
    reviewCadenceDays: 90,
    lastReviewedAt: null,
    nextReviewOn: null,
    contractEndsOn: null,
    goals: '',
    source: 'manual',
    ...fields,
  });
}

/** A grant joined with its account and party. */
export function info(g: Grant): GrantInfo {
  return { grant: g, account: ACCOUNT, party: g.partyId === PARTNER_ID ? PARTNER : PERSON };
}

/** A reminder's saved state. */
export function stateOf(id: string, fields: Partial<ReminderState> = {}): ReminderState {
  const [kind, grantId, dueOn] = [
    id.split(':')[0],
    id.slice(id.indexOf(':') + 1, -11),
    id.slice(-10),
  ];
  return reminderState.parse({
    id,
    kind,
    grantId,
    dueOn,
    createdAt: CREATED,
    updatedAt: CREATED,
    rev: 1,
    shownAt: null,
    snoozedUntil: null,
    doneAt: null,
    ...fields,
  });
}

/** Settings with quiet hours off, so a test's clock time does not matter unless it says so. */
export function settings(fields: Partial<ReminderSettings> = {}): ReminderSettings {
  return {
    ...DEFAULT_REMINDER_SETTINGS,
    quietHours: { ...DEFAULT_REMINDER_SETTINGS.quietHours, enabled: false },
    ...fields,
  };
}

/** Run the enclosed tests with the process in time zone `tz`, restoring it after. */
export function inTimeZone(tz: string): void {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.TZ;
    process.env.TZ = tz;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}
