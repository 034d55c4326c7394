import { describe, expect, it } from 'vitest';
import type { CsvGrantRow, Grant, GrantStatus } from '@/lib/register';
import { rowIsOlder, targetOfRow } from '@/lib/register';

const ACCOUNT = crypto.randomUUID();
const PARTY = crypto.randomUUID();

function grant(status: GrantStatus, fields: Partial<Grant> = {}): Grant {
  return {
    id: crypto.randomUUID(),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    rev: 1,
    deletedAt: null,
    accountId: ACCOUNT,
    partyId: PARTY,
    bcRole: 'standard',
    financeRole: null,
    assetRole: null,
    status,
    invitedAt: null,
    acceptedAt: null,
    revokedAt: null,
    reviewCadenceDays: 90,
    lastReviewedAt: null,
    nextReviewOn: null,
    contractEndsOn: null,
    goals: '',
    source: 'manual',
    ...fields,
  };
}

function row(status: GrantStatus, fields: CsvGrantRow['fields'] = {}, extra = {}): CsvGrantRow {
  return {
    line: 2,
    key: 'k',
    account: { kind: 'businessCenter', externalId: '7012345678901234567', ownership: 'mine' },
    party: { kind: 'person', email: 'dana@example.com' },
    fields: { status, ...fields },
    ...extra,
  };
}

describe('targetOfRow: which grant a row without a known grant_id is about', () => {
  const revoked = grant('revoked', {
    invitedAt: '2026-02-01T00:00:00.000Z',
    revokedAt: '2026-05-01T00:00:00.000Z',
    updatedAt: '2026-05-01T00:00:00.000Z',
  });
  const reinvited = grant('invited', { invitedAt: '2026-06-01T00:00:00.000Z' });

  it.each<GrantStatus>(['invited', 'active', 'suspended'])(
    'a %s row is about the live grant when there is one',
    (status) => {
      expect(targetOfRow(row(status), [revoked, reinvited])).toEqual({
        kind: 'merge',
        grant: reinvited,
      });
    },
  );

  it('a live row without a live grant is new, unless an ended grant ended after it', () => {
    expect(targetOfRow(row('active'), [revoked])).toEqual({ kind: 'new' });
    expect(
      targetOfRow(row('active', { acceptedAt: '2026-07-01T00:00:00.000Z' }), [revoked]),
    ).toEqual({ kind: 'new' });
    expect(
      targetOfRow(row('active', { acceptedAt: '2026-03-01T00:00:00.000Z' }), [revoked]),
    ).toEqual({ kind: 'older', grant: revoked });
  });

  it('an ended row repeating an ended grant is about that grant', () => {
    const same = row('revoked', { revokedAt: '2026-05-01T00:00:00.000Z' });
    expect(targetOfRow(same, [revoked, reinvited])).toEqual({ kind: 'merge', grant: revoked });
  });

  it('an ended row after the live grant began ends it; one from before is history', () => {
    const later = row('revoked', { revokedAt: '2026-08-01T00:00:00.000Z' });
    expect(targetOfRow(later, [reinvited])).toEqual({ kind: 'merge', grant: reinvited });
    const earlier = row('revoked', { revokedAt: '2026-04-01T00:00:00.000Z' });
    expect(targetOfRow(earlier, [reinvited])).toEqual({ kind: 'new' });
    // A row that says nothing of when: it speaks of now, so it ends the live grant.
    expect(targetOfRow(row('expired'), [reinvited])).toEqual({ kind: 'merge', grant: reinvited });
  });
});

describe('rowIsOlder', () => {
  const g = grant('active', { rev: 4, updatedAt: '2026-05-01T00:00:00.000Z' });
  it('compares revisions of the same grant only', () => {
    expect(rowIsOlder(row('active', {}, { grantId: g.id, rev: 3 }), g)).toBe(true);
    expect(rowIsOlder(row('active', {}, { grantId: g.id, rev: 4 }), g)).toBe(false);
    expect(rowIsOlder(row('active', {}, { grantId: crypto.randomUUID(), rev: 1 }), g)).toBe(false);
  });
  it('otherwise compares updated_at, and a row without one is not older', () => {
    expect(rowIsOlder(row('active', {}, { updatedAt: '2026-04-30T00:00:00.000Z' }), g)).toBe(true);
    expect(rowIsOlder(row('active', {}, { updatedAt: '2026-05-02T00:00:00.000Z' }), g)).toBe(false);
    expect(rowIsOlder(row('active'), g)).toBe(false);
  });
});
