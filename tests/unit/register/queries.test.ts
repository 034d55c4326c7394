import { describe, expect, it } from 'vitest';
import type { GrantDraft, RegisterDb } from '@/lib/register';
import {
  deleteGrant,
  dueItems,
  dueReasons,
  filterViews,
  groupViews,
  indexViews,
  listGrantViews,
  perspectiveOf,
  popupSnapshot,
  recentViews,
  dueSnapshot,
  recordGrant,
  sortViews,
} from '@/lib/register';
import { registerDbEachTest } from '../helpers/register-db';

// Noon local time, so "days ago" never crosses a day boundary by time zone.
const NOW = new Date(2026, 10, 27, 12, 0);
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

const BC = {
  kind: 'businessCenter',
  externalId: '7012345678901234567',
  name: 'Northwind',
  ownership: 'mine',
} as const;
const CLIENT = {
  kind: 'adAccount',
  externalId: '7100000000000000001',
  name: 'Cedar US',
  ownership: 'client',
} as const;

async function seed() {
  const add = (d: GrantDraft) => recordGrant(db, d, { source: 'manual', now: NOW });
  const dueReview = await add({
    account: BC,
    party: {
      kind: 'person',
      name: 'Dana Kim',
      email: 'dana@brightlane.com',
      organisation: 'Brightlane',
    },
    bcRole: 'standard',
    assetRole: 'operator',
    status: 'active',
    acceptedAt: daysAgo(100),
  });
  const staleInvite = await add({
    account: BC,
    party: {
      kind: 'person',
      name: 'Sam Ortiz',
      email: 'sam@example.com',
      organisation: 'Freelance',
    },
    assetRole: 'analyst',
    status: 'invited',
    invitedAt: daysAgo(8),
  });
  const freshInvite = await add({
    account: BC,
    party: {
      kind: 'person',
      name: 'Ana Ruiz',
      email: 'ana@brightlane.com',
      organisation: 'Brightlane',
    },
    bcRole: 'admin',
    status: 'invited',
    invitedAt: daysAgo(2),
  });
  const contract = await add({
    account: BC,
    party: {
      kind: 'partnerBc',
      name: 'Brightlane BC',
      bcId: '7098765432109876543',
      organisation: 'Brightlane',
    },
    assetRole: 'operator',
    status: 'active',
    acceptedAt: daysAgo(10),
    contractEndsOn: '2026-12-05',
  });
  const held = await add({
    account: CLIENT,
    party: { kind: 'person', name: 'Me', isMe: true },
    assetRole: 'operator',
    status: 'active',
    acceptedAt: daysAgo(5),
  });
  return { dueReview, staleInvite, freshInvite, contract, held };
}

describe('due items', () => {
  it('finds reviews due, invitations pending 7+ days and contracts ending within 14 days', async () => {
    const s = await seed();
    expect(dueReasons(s.dueReview, NOW)).toEqual(['review']);
    expect(dueReasons(s.staleInvite, NOW)).toEqual(['invitation']);
    expect(dueReasons(s.freshInvite, NOW)).toEqual([]);
    expect(dueReasons(s.contract, NOW)).toEqual(['contract']);
    expect(dueReasons(s.held, NOW)).toEqual([]);
    const items = dueItems(await listGrantViews(db), NOW);
    // Most overdue first: review due 2026-11-27 − 10 days, invitation stale since 2026-11-26, contract 12-05.
    expect(items.map((i) => i.view.party?.name)).toEqual([
      'Dana Kim',
      'Sam Ortiz',
      'Brightlane BC',
    ]);
  });

  it('the popup snapshot reads the same due items through indexes, and the latest changes', async () => {
    const s = await seed();
    await deleteGrant(db, s.contract.id, 1, { source: 'manual', now: NOW });
    const snap = await popupSnapshot(db, NOW, 3);
    expect(snap.due.map((i) => i.view.grant.id)).toEqual([s.dueReview.id, s.staleInvite.id]);
    expect(snap.due[0]!.view.account?.name).toBe('Northwind');
    expect(snap.recent).toHaveLength(3);
    expect(snap.recent.every((v) => v.grant.deletedAt === null)).toBe(true);
    expect(snap.dueCount).toBe(2);
  });

  it('the popup snapshot joins only the due items it lists, and counts them all', async () => {
    const s = await seed();
    const snap = await popupSnapshot(db, NOW, 2, 1);
    expect(snap.due.map((i) => i.view.grant.id)).toEqual([s.dueReview.id]);
    expect(snap.due[0]!.view.party?.name).toBe('Dana Kim');
    expect(snap.due[0]!.reasons).toEqual(['review']);
    expect(snap.dueCount).toBe(3);
    expect(snap.recent).toHaveLength(2);
    expect(snap.recent.every((v) => v.account !== undefined && v.party !== undefined)).toBe(true);
  });
});

describe('the latest changes (the popup and the register show them first)', () => {
  it('are the first rows of the whole register, in its order, deleted grants left out', async () => {
    const s = await seed();
    await deleteGrant(db, s.contract.id, 1, { source: 'manual', now: NOW });
    const whole = await listGrantViews(db);
    for (const count of [1, 2, 3, whole.length, whole.length + 5]) {
      const first = await recentViews(db, count);
      expect(first).toEqual(whole.slice(0, count));
    }
    expect((await recentViews(db, 10)).some((v) => v.grant.id === s.contract.id)).toBe(false);
  });

  it('what is due alone is what the popup snapshot says is due', async () => {
    await seed();
    const { recent, ...due } = await popupSnapshot(db, NOW, 3, 2);
    expect(recent).toHaveLength(3);
    expect(await dueSnapshot(db, NOW, 2)).toEqual(due);
  });
});

describe('search, filters, sorting, grouping', () => {
  it('searches names, emails, agencies, account names and IDs, every word must match', async () => {
    await seed();
    const index = indexViews(await listGrantViews(db));
    const names = (q: string) =>
      filterViews(index, { query: q }, NOW)
        .map((v) => v.party?.name)
        .sort();
    expect(names('brightlane')).toEqual(['Ana Ruiz', 'Brightlane BC', 'Dana Kim']);
    expect(names('SAM@EXAMPLE')).toEqual(['Sam Ortiz']);
    expect(names('cedar')).toEqual(['Me']);
    expect(names('7100000000000000001')).toEqual(['Me']);
    expect(names('7098765432109876543')).toEqual(['Brightlane BC']);
    expect(names('brightlane ruiz')).toEqual(['Ana Ruiz']);
    expect(names('nobody')).toEqual([]);
  });

  it('filters by perspective, role, status, account, agency and due', async () => {
    const s = await seed();
    const index = indexViews(await listGrantViews(db));
    const ids = (f: Parameters<typeof filterViews>[1]) =>
      filterViews(index, f, NOW)
        .map((v) => v.grant.id)
        .sort();
    expect(ids({ perspective: 'held' })).toEqual([s.held.id]);
    expect(ids({ perspective: 'mine' })).toHaveLength(4);
    expect(ids({ role: 'asset:operator', perspective: 'mine' })).toEqual(
      [s.dueReview.id, s.contract.id].sort(),
    );
    expect(ids({ role: 'bc:admin' })).toEqual([s.freshInvite.id]);
    expect(ids({ status: 'invited' })).toEqual([s.staleInvite.id, s.freshInvite.id].sort());
    expect(ids({ accountId: s.held.accountId })).toEqual([s.held.id]);
    expect(ids({ organisation: 'Freelance' })).toEqual([s.staleInvite.id]);
    expect(ids({ due: 'any' })).toEqual([s.dueReview.id, s.staleInvite.id, s.contract.id].sort());
    expect(ids({ due: 'contract' })).toEqual([s.contract.id]);
    expect(perspectiveOf(index.views.find((v) => v.grant.id === s.held.id)!)).toBe('held');
  });

  it('sorts by name (locale-aware) and by dates, both ways', async () => {
    await seed();
    const views = await listGrantViews(db);
    expect(sortViews(views, 'party').map((v) => v.party?.name)).toEqual([
      'Ana Ruiz',
      'Brightlane BC',
      'Dana Kim',
      'Me',
      'Sam Ortiz',
    ]);
    expect(sortViews(views, 'party', 'desc')[0]!.party?.name).toBe('Sam Ortiz');
    const byReview = sortViews(views, 'nextReview').map((v) => v.grant.nextReviewOn);
    expect(byReview).toEqual([...byReview].sort());
  });

  it('groups by account, by person or partner and by agency', async () => {
    await seed();
    const views = await listGrantViews(db);
    expect(groupViews(views, 'account').map((g) => [g.label, g.views.length])).toEqual([
      ['Cedar US', 1],
      ['Northwind', 4],
    ]);
    expect(groupViews(views, 'organisation').map((g) => [g.label, g.views.length])).toEqual([
      ['', 1],
      ['Brightlane', 3],
      ['Freelance', 1],
    ]);
    expect(groupViews(views, 'party')).toHaveLength(5);
  });
});
