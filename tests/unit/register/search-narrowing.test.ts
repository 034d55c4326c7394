import { describe, expect, it } from 'vitest';
import type { Account, Grant, GrantView, Party } from '@/lib/register';
import {
  filterViews,
  indexViews,
  narrowingFilter,
  narrows,
  sortIndex,
  sortViews,
} from '@/lib/register';

const NOW = new Date(2026, 10, 27, 12, 0);
const T = '2026-01-01T00:00:00.000Z';

/** A small register of generated views: names, agencies and statuses that overlap. */
function views(count: number): GrantView[] {
  const base = { createdAt: T, rev: 1, deletedAt: null };
  return Array.from({ length: count }, (_, i) => {
    const account: Account = {
      ...base,
      id: `a${i % 13}`,
      updatedAt: T,
      kind: 'businessCenter',
      externalId: `70${String(i % 13).padStart(10, '0')}`,
      name: `Client ${i % 13} ${['Outdoor', 'Foods', 'Travel'][i % 3]}`,
      ownerBcId: null,
      ownership: i % 11 === 0 ? 'client' : 'mine',
    };
    const party: Party = {
      ...base,
      id: `p${i}`,
      updatedAt: T,
      kind: 'person',
      name: `Person ${i}`,
      email: `person${i}@agency${i % 5}.example`,
      bcId: null,
      organisation: `Agency ${i % 5}`,
      notes: '',
      isMe: i % 11 === 0,
    };
    const grant: Grant = {
      ...base,
      id: `g${i}`,
      updatedAt: new Date(Date.parse(T) + ((i * 7919) % 1000) * 60_000).toISOString(),
      accountId: account.id,
      partyId: party.id,
      bcRole: i % 4 === 0 ? 'admin' : 'standard',
      financeRole: null,
      assetRole: 'operator',
      status: i % 6 === 0 ? 'invited' : 'active',
      invitedAt: T,
      acceptedAt: i % 6 === 0 ? null : T,
      revokedAt: null,
      reviewCadenceDays: 90,
      lastReviewedAt: null,
      nextReviewOn: i % 9 === 0 ? '2026-11-01' : '2027-02-01',
      contractEndsOn: null,
      goals: '',
      source: 'manual',
    };
    return { grant, account, party };
  });
}

describe('narrows', () => {
  it('is true only when the query grew at its end and nothing else changed', () => {
    expect(narrows({ query: 'person 1' }, { query: 'person 17' })).toBe(true);
    expect(narrows({ query: 'Person' }, { query: 'person agency' })).toBe(true);
    expect(narrows({}, { query: 'a' })).toBe(true);
    expect(narrows({ query: 'person 17' }, { query: 'person 1' })).toBe(false);
    expect(narrows({ query: 'person 1' }, { query: 'xperson 1' })).toBe(false);
    expect(narrows({ query: 'a', status: 'active' }, { query: 'ab' })).toBe(false);
    expect(narrows({ query: 'a', perspective: 'mine' }, { query: 'ab', perspective: 'held' })).toBe(
      false,
    );
  });
});

describe('narrowingFilter', () => {
  it('answers exactly as a full search would, typing forwards, backwards and changing filters', () => {
    const index = sortIndex(indexViews(views(400)), 'updated', 'desc');
    const filter = narrowingFilter();
    const steps = [
      { query: 'p' },
      { query: 'pe' },
      { query: 'person 1' },
      { query: 'person 12' },
      { query: 'person 1' }, // backspace: must widen again
      { query: 'person 1 ' },
      { query: 'person 1 agency 3' },
      { query: 'person 1 agency 3', status: 'invited' as const },
      { query: 'person 1 agency 3x', status: 'invited' as const },
      { query: 'AGENCY', perspective: 'held' as const },
      { query: 'agency 4', perspective: 'held' as const },
      { query: 'client 1 outdoor', due: 'any' as const },
      { query: '' },
    ];
    for (const step of steps) {
      const ids = filter(index, step, NOW).map((v) => v.grant.id);
      expect(ids, JSON.stringify(step)).toEqual(
        filterViews(index, step, NOW).map((v) => v.grant.id),
      );
    }
    expect(filter(index, { query: 'person 12' }, NOW).length).toBeGreaterThan(0);
  });

  it('searches everything again for another index (the register changed)', () => {
    const filter = narrowingFilter();
    const small = indexViews(views(50));
    const large = indexViews(views(300));
    const inSmall = filter(small, { query: 'person 1' }, NOW);
    expect(inSmall.length).toBeGreaterThan(0);
    expect(inSmall.length).toBeLessThan(50);
    expect(filter(large, { query: 'person 12' }, NOW).map((v) => v.grant.id)).toEqual(
      filterViews(large, { query: 'person 12' }, NOW).map((v) => v.grant.id),
    );
  });
});

describe('sortIndex', () => {
  it('orders views as sortViews does and keeps each haystack with its view', () => {
    const index = indexViews(views(120));
    for (const [key, dir] of [
      ['party', 'asc'],
      ['updated', 'desc'],
      ['status', 'asc'],
    ] as const) {
      const sorted = sortIndex(index, key, dir);
      expect(sorted.views).toEqual(sortViews(index.views, key, dir));
      sorted.views.forEach((v, i) =>
        expect(sorted.haystacks[i]).toBe(index.haystacks[index.views.indexOf(v)]),
      );
    }
  });
});
