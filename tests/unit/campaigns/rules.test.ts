import { describe, expect, it } from 'vitest';
import type { CampaignItem } from '@/lib/campaigns';
import {
  adminWarnings,
  campaignProgress,
  canLower,
  decisionInput,
  decisionProblems,
  defaultLowering,
  isAgency,
  isLowering,
  itemFlag,
  lowerOptions,
  organisationsOf,
  reasonRequired,
  suggestedDecision,
  suggestionsFor,
} from '@/lib/campaigns';
import { snapshotOf } from '@/lib/register/rules';
import type { Grant } from '@/lib/register/schema';
import { PARTNER, PERSON, makeGrant as makeAnyGrant } from '../helpers/reminders';

// Local noon, so local calendar days are the same in every test time zone.
const NOW = new Date(2027, 2, 2, 12, 0, 0);
const ME_ORGS = new Set(['northwind outdoor']);
const CAMPAIGN = {
  staleInvitationDays: 14,
  undecidedAtDue: 'undecided',
  dueOn: '2027-03-20',
} as const;
const ctx = (campaign: Partial<typeof CAMPAIGN> | object = {}) => ({
  campaign: { ...CAMPAIGN, ...campaign },
  myOrganisations: ME_ORGS,
  now: NOW,
});
const localInstant = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).toISOString();
/** A grant reviewed last month unless told otherwise, so only the rule under test speaks. */
const makeGrant = (fields: Partial<Grant> = {}) =>
  makeAnyGrant({ lastReviewedAt: localInstant(2027, 2, 1), ...fields });

function itemOf(g: Grant, fields: Partial<CampaignItem> = {}): CampaignItem {
  return {
    id: crypto.randomUUID(),
    createdAt: g.createdAt,
    updatedAt: g.createdAt,
    rev: 1,
    campaignId: '7b000000-0000-4000-8000-000000000001',
    position: 0,
    grantId: g.id,
    grant: snapshotOf(g),
    account: {
      kind: 'businessCenter',
      externalId: '7012345678901234567',
      name: 'Northwind',
      ownerBcId: null,
    },
    party: {
      kind: 'person',
      name: 'Dana',
      email: 'dana@x.example',
      bcId: null,
      organisation: 'Brightlane Agency',
      isMe: false,
    },
    decision: null,
    earlier: [],
    ...fields,
  };
}

const check = (g: Grant, input: Parameters<typeof decisionInput.parse>[0]) =>
  decisionProblems(g, decisionInput.parse(input));

describe('lowering follows TikTok role order', () => {
  it('offers only roles below the current one, per layer', () => {
    expect(lowerOptions({ bcRole: 'admin', financeRole: 'manager', assetRole: 'admin' })).toEqual({
      bcRole: ['standard'],
      financeRole: ['analyst', null],
      assetRole: ['operator', 'analyst'],
    });
    expect(lowerOptions({ bcRole: 'standard', financeRole: null, assetRole: 'analyst' })).toEqual({
      bcRole: [],
      financeRole: [],
      assetRole: [],
    });
    expect(canLower({ bcRole: 'standard', financeRole: null, assetRole: 'analyst' })).toBe(false);
    expect(canLower({ bcRole: null, financeRole: null, assetRole: 'operator' })).toBe(true);
  });

  it('a lowering moves at least one layer down and none up, sideways or away', () => {
    const from = { bcRole: 'standard', financeRole: null, assetRole: 'operator' } as const;
    expect(isLowering(from, { bcRole: 'standard', financeRole: null, assetRole: 'analyst' })).toBe(
      true,
    );
    expect(isLowering(from, { ...from })).toBe(false);
    expect(isLowering(from, { bcRole: 'admin', financeRole: null, assetRole: 'analyst' })).toBe(
      false,
    );
    expect(isLowering(from, { bcRole: 'standard', financeRole: null, assetRole: 'admin' })).toBe(
      false,
    );
    expect(isLowering(from, { bcRole: 'standard', financeRole: null, assetRole: null })).toBe(
      false,
    );
    expect(
      isLowering(from, { bcRole: 'standard', financeRole: 'analyst', assetRole: 'analyst' }),
    ).toBe(false);
    expect(
      isLowering(
        { bcRole: 'standard', financeRole: 'manager', assetRole: null },
        { bcRole: 'standard', financeRole: null, assetRole: null },
      ),
    ).toBe(true);
  });

  it('the usual lowering takes Admin to Operator or Standard, else one step down', () => {
    expect(defaultLowering({ bcRole: 'admin', financeRole: null, assetRole: 'admin' })).toEqual({
      bcRole: 'standard',
      financeRole: null,
      assetRole: 'operator',
    });
    expect(
      defaultLowering({ bcRole: 'standard', financeRole: null, assetRole: 'operator' }),
    ).toEqual({
      bcRole: 'standard',
      financeRole: null,
      assetRole: 'analyst',
    });
    expect(
      defaultLowering({ bcRole: 'standard', financeRole: 'manager', assetRole: 'analyst' }),
    ).toEqual({
      bcRole: 'standard',
      financeRole: 'analyst',
      assetRole: 'analyst',
    });
    expect(
      defaultLowering({ bcRole: 'standard', financeRole: null, assetRole: 'analyst' }),
    ).toBeNull();
  });
});

describe('what a decision needs', () => {
  const admin = makeGrant({ bcRole: 'admin', assetRole: 'admin' });
  const operator = makeGrant({ bcRole: 'standard', assetRole: 'operator' });

  it('a reason for keep on Admin and for every lower or revoke, not for keep otherwise', () => {
    expect(reasonRequired('keep', admin)).toBe(true);
    expect(reasonRequired('keep', operator)).toBe(false);
    expect(reasonRequired('lower', operator)).toBe(true);
    expect(reasonRequired('revoke', operator)).toBe(true);
    expect(reasonRequired('handOff', admin)).toBe(false);
    expect(check(admin, { kind: 'keep' })).toEqual(['reasonRequired']);
    expect(check(admin, { kind: 'keep', reason: '  ' })).toEqual(['reasonRequired']);
    expect(check(admin, { kind: 'keep', reason: 'Owner of the account' })).toEqual([]);
    expect(check(operator, { kind: 'keep' })).toEqual([]);
    expect(check(operator, { kind: 'revoke' })).toEqual(['reasonRequired']);
    expect(check(operator, { kind: 'revoke', reason: 'Left the agency' })).toEqual([]);
  });

  it('a lower names roles lower than the grant holds', () => {
    expect(check(operator, { kind: 'lower', reason: 'Reports only' })).toEqual(['lowerToRequired']);
    expect(
      check(operator, {
        kind: 'lower',
        reason: 'Reports only',
        lowerTo: { bcRole: 'standard', financeRole: null, assetRole: 'admin' },
      }),
    ).toEqual(['notLower']);
    expect(
      check(operator, {
        kind: 'lower',
        reason: 'Reports only',
        lowerTo: { bcRole: 'standard', financeRole: null, assetRole: 'analyst' },
      }),
    ).toEqual([]);
    const lowest = makeGrant({ bcRole: 'standard', assetRole: 'analyst' });
    expect(check(lowest, { kind: 'lower', reason: 'x' })).toEqual(['nothingToLower']);
  });

  it('"not mine to decide" names who decides', () => {
    expect(check(admin, { kind: 'handOff' })).toEqual(['handToRequired']);
    expect(check(admin, { kind: 'handOff', handTo: '   ' })).toEqual(['handToRequired']);
    expect(check(admin, { kind: 'handOff', handTo: 'Priya (finance)' })).toEqual([]);
  });
});

describe('suggestions', () => {
  it('a contract that has ended suggests revoke, with the day it ended', () => {
    const g = makeGrant({ contractEndsOn: '2027-03-01' });
    expect(suggestionsFor(itemOf(g), ctx())).toEqual([
      { kind: 'contractEnded', decision: { kind: 'revoke' }, day: '2027-03-01' },
    ]);
    expect(suggestionsFor(itemOf(makeGrant({ contractEndsOn: '2027-03-02' })), ctx())).toEqual([]);
  });

  it('an invitation pending N days (the campaign setting) suggests withdrawing it', () => {
    const g = makeGrant({
      status: 'invited',
      invitedAt: localInstant(2027, 2, 16),
      acceptedAt: null,
    });
    expect(suggestionsFor(itemOf(g), ctx())).toEqual([
      { kind: 'invitationStale', decision: { kind: 'revoke' }, days: 14 },
    ]);
    expect(suggestionsFor(itemOf(g), ctx({ staleInvitationDays: 15 }))).toEqual([]);
  });

  it('an agency holding Admin is suggested down to Operator; your own people are not', () => {
    const g = makeGrant({ bcRole: 'standard', assetRole: 'admin' });
    const lowered = {
      kind: 'lower',
      lowerTo: { bcRole: 'standard', financeRole: null, assetRole: 'operator' },
    };
    expect(suggestionsFor(itemOf(g), ctx())).toEqual([{ kind: 'agencyAdmin', decision: lowered }]);
    const partner = itemOf(makeGrant({ bcRole: null, assetRole: 'admin' }), {
      party: { ...PARTNER, kind: 'partnerBc' },
    });
    expect(suggestionsFor(partner, ctx())[0]?.kind).toBe('agencyAdmin');
    const colleague = itemOf(g, { party: { ...PERSON, organisation: 'Northwind Outdoor ' } });
    expect(suggestionsFor(colleague, ctx())).toEqual([]);
    const me = itemOf(g, { party: { ...PERSON, isMe: true } });
    expect(suggestionsFor(me, ctx())).toEqual([]);
    expect(suggestionsFor(itemOf(makeGrant({ assetRole: 'operator' })), ctx())).toEqual([]);
  });

  it('who counts as an agency: a partner, or a person from an organisation not yours', () => {
    const orgs = organisationsOf([
      { isMe: true, organisation: ' Northwind Outdoor' },
      { isMe: false, organisation: 'Brightlane' },
      { isMe: true, organisation: '' },
    ]);
    expect([...orgs]).toEqual(['northwind outdoor']);
    expect(isAgency({ ...PERSON, organisation: 'Brightlane' }, orgs)).toBe(true);
    expect(isAgency({ ...PERSON, organisation: 'NORTHWIND OUTDOOR' }, orgs)).toBe(false);
    expect(isAgency({ ...PERSON, organisation: '' }, orgs)).toBe(false);
    expect(isAgency({ ...PARTNER }, orgs)).toBe(true);
    expect(isAgency(null, orgs)).toBe(false);
  });

  it('not reviewed for two cadences suggests a review now', () => {
    const g = makeGrant({ reviewCadenceDays: 30, lastReviewedAt: localInstant(2027, 1, 1) });
    expect(suggestionsFor(itemOf(g), ctx())).toEqual([
      { kind: 'reviewOverdue', decision: null, day: '2027-01-01', days: 60 },
    ]);
    const recent = makeGrant({ reviewCadenceDays: 30, lastReviewedAt: localInstant(2027, 1, 2) });
    expect(suggestionsFor(itemOf(recent), ctx())).toEqual([]);
  });

  it('undecided at the due date: the campaign default, marked as such, only if set and undecided', () => {
    const g = makeGrant();
    const due = ctx({ undecidedAtDue: 'revoke', dueOn: '2027-03-02' });
    expect(suggestionsFor(itemOf(g), due)).toEqual([
      { kind: 'undecidedDefault', decision: { kind: 'revoke' } },
    ]);
    expect(suggestionsFor(itemOf(g), ctx({ undecidedAtDue: 'keep', dueOn: '2027-03-03' }))).toEqual(
      [],
    );
    expect(
      suggestionsFor(itemOf(g), ctx({ undecidedAtDue: 'undecided', dueOn: '2027-03-01' })),
    ).toEqual([]);
    const decidedItem = itemOf(g, {
      decision: {
        kind: 'keep',
        lowerTo: null,
        handTo: null,
        reason: '',
        by: 'R',
        at: NOW.toISOString(),
      },
    });
    expect(suggestionsFor(decidedItem, due)).toEqual([]);
  });

  it('ended grants get no suggestion; the first proposed decision is the one a key takes', () => {
    expect(
      suggestionsFor(
        itemOf(
          makeGrant({
            status: 'revoked',
            contractEndsOn: '2026-01-01',
            revokedAt: NOW.toISOString(),
          }),
        ),
        ctx(),
      ),
    ).toEqual([]);
    expect(
      suggestedDecision([
        { kind: 'reviewOverdue', decision: null },
        { kind: 'contractEnded', decision: { kind: 'revoke' } },
      ]),
    ).toEqual({ kind: 'revoke' });
    expect(suggestedDecision([{ kind: 'reviewOverdue', decision: null }])).toBeNull();
  });
});

describe('a Business Center keeps two Admins', () => {
  const admin = () => makeGrant({ bcRole: 'admin', assetRole: null });
  const revoke = {
    kind: 'revoke',
    lowerTo: null,
    handTo: null,
    reason: 'gone',
    by: 'R',
    at: NOW.toISOString(),
  } as const;

  it('warns when the decisions leave fewer than two, naming the items that take an Admin away', () => {
    const a = itemOf(admin(), { decision: revoke });
    const b = itemOf(admin());
    const c = itemOf(admin());
    expect(adminWarnings([a, b, c])).toEqual([]);
    const lowered = itemOf(admin(), {
      decision: {
        ...revoke,
        kind: 'lower',
        lowerTo: { bcRole: 'standard', financeRole: null, assetRole: null },
      },
    });
    expect(adminWarnings([a, b, lowered])).toEqual([
      {
        bcId: '7012345678901234567',
        bcName: 'Northwind',
        before: 3,
        after: 1,
        itemIds: [a.id, lowered.id],
      },
    ]);
  });

  it('counts the Admins the campaign does not review, and says nothing when no decision removes one', () => {
    const a = itemOf(admin(), { decision: revoke });
    const b = itemOf(admin());
    expect(adminWarnings([a, b], new Map([['7012345678901234567', 1]]))).toEqual([]);
    expect(adminWarnings([b])).toEqual([]);
    const adAccountAdmin = itemOf(makeGrant({ bcRole: 'admin' }), {
      decision: revoke,
      account: {
        kind: 'adAccount',
        externalId: '7111111111111111111',
        name: 'Ads',
        ownerBcId: null,
      },
    });
    expect(adminWarnings([adAccountAdmin])).toEqual([]);
  });
});

describe('flags and progress', () => {
  it('flags a grant that changed since the snapshot, and says how', () => {
    const g = makeGrant({ rev: 3 });
    const item = itemOf(g);
    expect(itemFlag(item, g)).toBeNull();
    expect(itemFlag(item, undefined)).toBe('gone');
    expect(itemFlag(item, { ...g, deletedAt: NOW.toISOString() })).toBe('gone');
    expect(itemFlag(item, { ...g, rev: 4, status: 'revoked' })).toBe('status');
    expect(itemFlag(item, { ...g, rev: 4, assetRole: 'analyst' })).toBe('roles');
    expect(itemFlag(item, { ...g, rev: 4, goals: 'new goals' })).toBe('changed');
  });

  it('counts decided items and each outcome', () => {
    const d = (kind: 'keep' | 'revoke' | 'handOff') => ({
      decision: { kind, lowerTo: null, handTo: null, reason: '', by: 'R', at: NOW.toISOString() },
    });
    expect(campaignProgress([d('keep'), d('revoke'), d('handOff'), { decision: null }])).toEqual({
      decided: 3,
      total: 4,
      keep: 1,
      lower: 0,
      revoke: 1,
      handOff: 1,
    });
  });
});
