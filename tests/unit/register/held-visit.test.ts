import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '@/lib/register';
import {
  REGISTER_DB_NAME,
  closeRegisterDb,
  historyOf,
  listGrantViews,
  perspectiveOf,
  recordGrant,
  recordHeldBusinessCenters,
  registerDb,
  updateGrant,
  readAllStoredEvents,
} from '@/lib/register';
import type { MembersSeen, SeenMember } from '@/lib/register/held-types';
import {
  answerHeldQuestion,
  decideMembersSeen,
  findMyRow,
} from '@/lib/register/held-accounts-visit';
import {
  handleHeldAnswer,
  handleMembersSeen,
  heldQuestionFor,
} from '@/lib/background/held-accounts-handler';
import {
  identityItem,
  loadIdentity,
  myEmails,
  normaliseIdentity,
  parseEmailList,
  saveIdentity,
} from '@/lib/register/identity';
import { loadHeldQuestion, saveHeldQuestion } from '@/lib/background/tab-context';
import { registerDbEachTest } from '../helpers/register-db';

const T0 = new Date('2026-11-27T10:00:00.000Z');
const T1 = new Date('2026-11-28T10:00:00.000Z');
const T2 = new Date('2026-11-29T10:00:00.000Z');
const ORG = '7012345678901234567';
const ME = 'dana@brightlane-agency.com';
const ctx = (now: Date) => ({ source: 'page' as const, now });

const others: SeenMember[] = [
  {
    email: 'riley@northwind-outdoor.com',
    bcRole: 'admin',
    financeRole: 'manager',
    status: 'active',
  },
  { email: 'sam.ortiz@gmial.com', bcRole: 'standard', status: 'pending' },
];
const page = (mine?: Partial<SeenMember>): MembersSeen & { members: SeenMember[] } => ({
  orgId: ORG,
  bcName: 'Northwind Outdoor',
  members: mine ? [...others, { email: ME, status: 'active', ...mine }] : others,
});
const emails = new Set([ME]);

async function addAccount(db: RegisterDb, ownership: 'mine' | 'client') {
  // An account with someone else's grant on it, recorded by hand.
  return recordGrant(
    db,
    {
      account: { kind: 'businessCenter', externalId: ORG, name: 'Northwind', ownership },
      party: { kind: 'person', email: 'riley@northwind-outdoor.com', name: 'Riley' },
      status: 'active',
      bcRole: 'admin',
    },
    { source: 'manual', now: T0 },
  );
}

async function snapshot(db: RegisterDb) {
  return {
    accounts: await db.accounts.toArray(),
    parties: await db.parties.toArray(),
    grants: await db.grants.toArray(),
    events: (await readAllStoredEvents(db)).length,
  };
}

async function myGrant(db: RegisterDb) {
  const views = (await listGrantViews(db)).filter((v) => v.party?.isMe);
  expect(views).toHaveLength(1);
  return views[0]!;
}

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

describe('findMyRow', () => {
  it('finds my row by any of my emails, whatever its case', () => {
    expect(findMyRow(page({ email: 'Dana@Brightlane-Agency.com' }).members, emails)).toMatchObject({
      email: 'Dana@Brightlane-Agency.com',
    });
    expect(findMyRow(page().members, emails)).toBeNull();
    expect(findMyRow(page({}).members, new Set())).toBeNull();
  });

  it('prefers the row of mine that gives access when two of my emails are members', () => {
    const rows: SeenMember[] = [
      { email: 'me@work.example', status: 'pending', bcRole: 'admin' },
      { email: 'me@home.example', status: 'active', bcRole: 'standard' },
    ];
    expect(findMyRow(rows, new Set(['me@work.example', 'me@home.example']))).toEqual(rows[1]);
  });
});

describe('decideMembersSeen', () => {
  it('does nothing when none of my emails is in the table', async () => {
    await addAccount(db, 'client');
    const before = await snapshot(db);
    expect(await decideMembersSeen(db, page(), emails, ctx(T1))).toEqual({
      outcome: 'notMember',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('does nothing on my own Business Center: its members are the other perspective', async () => {
    await addAccount(db, 'mine');
    const before = await snapshot(db);
    expect(await decideMembersSeen(db, page({ bcRole: 'admin' }), emails, ctx(T1))).toEqual({
      outcome: 'ownBusinessCenter',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('asks, writing nothing, when the register does not know the Business Center', async () => {
    const decision = await decideMembersSeen(
      db,
      page({ bcRole: 'standard', financeRole: 'analyst', status: 'pending' }),
      emails,
      ctx(T1),
    );
    expect(decision).toEqual({
      outcome: 'ask',
      question: {
        orgId: ORG,
        bcName: 'Northwind Outdoor',
        email: ME,
        bcRole: 'standard',
        financeRole: 'analyst',
        status: 'invited',
      },
    });
    expect(await db.accounts.count()).toBe(0);
    expect(await db.grants.count()).toBe(0);
  });

  it('asks again about a Business Center the register deleted', async () => {
    const g = await addAccount(db, 'mine');
    await db.accounts.update(g.accountId, { deletedAt: T0.toISOString() });
    expect((await decideMembersSeen(db, page({}), emails, ctx(T1))).outcome).toBe('ask');
  });

  it('on a client account, records my grant with my role and status, once', async () => {
    await addAccount(db, 'client');
    const decision = await decideMembersSeen(
      db,
      page({ bcRole: 'standard', financeRole: 'analyst' }),
      emails,
      ctx(T1),
    );
    expect(decision).toMatchObject({ outcome: 'recorded', report: { created: [ORG] } });
    const mine = await myGrant(db);
    expect(perspectiveOf(mine)).toBe('held');
    expect(mine.grant).toMatchObject({
      bcRole: 'standard',
      financeRole: 'analyst',
      status: 'active',
      source: 'page',
    });
    const [created] = await historyOf(db, mine.grant.id);
    expect(created).toMatchObject({ type: 'created', source: 'page' });

    // The same page again writes nothing.
    const before = await snapshot(db);
    const again = await decideMembersSeen(
      db,
      page({ bcRole: 'standard', financeRole: 'analyst' }),
      emails,
      ctx(T2),
    );
    expect(again).toMatchObject({ outcome: 'recorded', report: { unchanged: [ORG] } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('records a pending invitation, then its acceptance with acceptedAt and a reconciled event', async () => {
    await addAccount(db, 'client');
    await decideMembersSeen(db, page({ bcRole: 'standard', status: 'pending' }), emails, ctx(T1));
    const pending = await myGrant(db);
    expect(pending.grant).toMatchObject({
      status: 'invited',
      invitedAt: T1.toISOString(),
      acceptedAt: null,
    });

    await decideMembersSeen(db, page({ bcRole: 'standard', status: 'active' }), emails, ctx(T2));
    const accepted = await myGrant(db);
    expect(accepted.grant).toMatchObject({
      status: 'active',
      acceptedAt: T2.toISOString(),
      rev: 2,
    });
    const history = await historyOf(db, accepted.grant.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'reconciled']);
    expect(history[1]).toMatchObject({
      source: 'page',
      before: { status: 'invited' },
      after: { status: 'active' },
      note: 'Seen on TikTok: you are now a member (invitation accepted).',
    });
  });

  it('records a role change and a suspension, each as an event', async () => {
    await addAccount(db, 'client');
    await decideMembersSeen(db, page({ bcRole: 'standard' }), emails, ctx(T1));
    await decideMembersSeen(db, page({ bcRole: 'admin' }), emails, ctx(T2));
    await decideMembersSeen(
      db,
      page({ bcRole: 'admin', status: 'suspended' }),
      emails,
      ctx(new Date('2026-11-30T10:00:00.000Z')),
    );
    const mine = await myGrant(db);
    expect(mine.grant).toMatchObject({ bcRole: 'admin', status: 'suspended', rev: 3 });
    const history = await historyOf(db, mine.grant.id);
    expect(history.map((e) => [e.type, e.note])).toEqual([
      ['created', 'Seen on TikTok: you are a member of this Business Center.'],
      ['reconciled', 'Seen on TikTok: your role there is admin.'],
      ['reconciled', 'Seen on TikTok: your status there is suspended.'],
    ]);
  });

  it('does not overwrite what cannot follow: a revoked grant seen active, an active one seen pending', async () => {
    await addAccount(db, 'client');
    await decideMembersSeen(db, page({ bcRole: 'standard' }), emails, ctx(T1));
    const before = await snapshot(db);
    expect(
      await decideMembersSeen(db, page({ bcRole: 'admin', status: 'pending' }), emails, ctx(T2)),
    ).toMatchObject({ report: { conflicts: [{ orgId: ORG, reason: 'statusDiffers' }] } });
    expect(await snapshot(db)).toEqual(before);

    const { grant: g } = await myGrant(db);
    await updateGrant(db, g.id, g.rev, { status: 'revoked' }, { source: 'manual', now: T2 });
    expect(
      await decideMembersSeen(db, page({ bcRole: 'standard' }), emails, ctx(T2)),
    ).toMatchObject({ report: { conflicts: [{ orgId: ORG, reason: 'grantEnded' }] } });
    expect((await myGrant(db)).grant.status).toBe('revoked');
  });

  it('a status the page could not read changes no status', async () => {
    await addAccount(db, 'client');
    await decideMembersSeen(db, page({ bcRole: 'standard', status: 'pending' }), emails, ctx(T1));
    await decideMembersSeen(db, page({ bcRole: 'standard', status: 'unknown' }), emails, ctx(T2));
    expect((await myGrant(db)).grant).toMatchObject({ status: 'invited', rev: 1 });
  });

  it('my "me" party learns which email is mine there, so the page and the register agree', async () => {
    // Captured from the picker first: "Me" without an email.
    await recordHeldBusinessCenters(db, [{ orgId: ORG, name: 'Northwind' }], ctx(T0));
    expect((await myGrant(db)).party).toMatchObject({ name: 'Me', email: null });
    expect(
      await decideMembersSeen(db, page({ bcRole: 'standard' }), emails, ctx(T1)),
    ).toMatchObject({ report: { updated: [ORG] } });
    const mine = await myGrant(db);
    expect(mine.party).toMatchObject({ name: 'Me', email: ME, isMe: true });
    expect(await db.parties.count()).toBe(1);
    const before = await snapshot(db);
    await decideMembersSeen(db, page({ bcRole: 'standard' }), emails, ctx(T2));
    expect(await snapshot(db)).toEqual(before);

    // A Business Center seen under my other email keeps its grant with the "me" it has (a
    // grant is never moved to another party by itself).
    const OTHER = '7066666666666666666';
    await recordHeldBusinessCenters(db, [{ orgId: OTHER, name: 'Oak' }], ctx(T0));
    await decideMembersSeen(
      db,
      { orgId: OTHER, bcName: 'Oak', members: [{ email: 'me@home.example', status: 'active' }] },
      new Set([ME, 'me@home.example']),
      ctx(T1),
    );
    const views = (await listGrantViews(db)).filter((v) => v.party?.isMe);
    expect(views.map((v) => [v.account?.externalId, v.party?.email]).sort()).toEqual([
      [ORG, ME],
      [OTHER, ME],
    ]);
    // A new one under that email gets a "me" of its own.
    const THIRD = '7077777777777777777';
    await answerHeldQuestion(
      db,
      {
        orgId: THIRD,
        bcName: 'Elm',
        email: 'me@home.example',
        bcRole: null,
        financeRole: null,
        status: 'active',
      },
      'client',
      ctx(T2),
    );
    const third = (await listGrantViews(db)).find((v) => v.account?.externalId === THIRD)!;
    expect(third.party).toMatchObject({ name: 'Me', email: 'me@home.example', isMe: true });
  });

  it('the picker still counts being listed as membership (no status given)', async () => {
    await decideMembersSeen(db, page({}), emails, ctx(T1)); // unknown: asks, writes nothing
    await recordHeldBusinessCenters(db, [{ orgId: ORG, name: 'Northwind' }], ctx(T1));
    expect((await myGrant(db)).grant).toMatchObject({ status: 'active', bcRole: null });
  });
});

describe('answerHeldQuestion', () => {
  const question = {
    orgId: ORG,
    bcName: 'Northwind Outdoor',
    email: ME,
    bcRole: 'standard' as const,
    financeRole: null,
    status: 'invited' as const,
  };

  it('"Mine" records the Business Center as mine, and it is never asked about again', async () => {
    expect(await answerHeldQuestion(db, question, 'mine', ctx(T1))).toEqual({
      outcome: 'ownBusinessCenter',
    });
    expect(await db.accounts.toArray()).toMatchObject([
      { externalId: ORG, name: 'Northwind Outdoor', ownership: 'mine', kind: 'businessCenter' },
    ]);
    expect(await db.grants.count()).toBe(0);
    expect(await decideMembersSeen(db, page({}), emails, ctx(T2))).toEqual({
      outcome: 'ownBusinessCenter',
    });
    // Nor does the picker turn it into a client's.
    const report = await recordHeldBusinessCenters(db, [{ orgId: ORG, name: 'x' }], ctx(T2));
    expect(report.conflicts).toEqual([{ orgId: ORG, reason: 'ownAccount' }]);
  });

  it('"A client’s" records a client account I hold with my role and status, source page', async () => {
    const decision = await answerHeldQuestion(db, question, 'client', ctx(T1));
    expect(decision).toMatchObject({ outcome: 'recorded', report: { created: [ORG] } });
    const mine = await myGrant(db);
    expect(perspectiveOf(mine)).toBe('held');
    expect(mine.account).toMatchObject({ ownership: 'client', name: 'Northwind Outdoor' });
    expect(mine.grant).toMatchObject({ bcRole: 'standard', status: 'invited', source: 'page' });
    // Later visits update it without asking.
    expect(
      await decideMembersSeen(db, page({ bcRole: 'standard', status: 'active' }), emails, ctx(T2)),
    ).toMatchObject({ outcome: 'recorded', report: { updated: [ORG] } });
  });

  it('the register’s word wins over a late answer', async () => {
    await addAccount(db, 'client');
    expect(await answerHeldQuestion(db, question, 'mine', ctx(T1))).toMatchObject({
      outcome: 'recorded',
    });
    expect((await db.accounts.toArray())[0]!.ownership).toBe('client');
  });
});

describe('identity: my TikTok sign-in emails', () => {
  it('parses what a user types and says what is not an email', () => {
    expect(parseEmailList(' Me@Work.example,\nme@home.example; me@work.example  nope ')).toEqual({
      emails: ['me@work.example', 'me@home.example'],
      invalid: ['nope'],
    });
  });

  it('stores a valid list, refuses an invalid one, repairs a damaged stored value', async () => {
    expect(await loadIdentity()).toEqual({ emails: [] });
    await saveIdentity({ emails: ['A@B.example', 'a@b.example'] });
    expect(await loadIdentity()).toEqual({ emails: ['a@b.example'] });
    await expect(saveIdentity({ emails: ['not an email'] })).rejects.toThrow();
    expect(await loadIdentity()).toEqual({ emails: ['a@b.example'] });
    await identityItem.setValue({ emails: ['ok@x.example', 42, '<b>'] } as never);
    expect(await loadIdentity()).toEqual({ emails: ['ok@x.example'] });
    expect(normaliseIdentity('garbage')).toEqual({ emails: [] });
  });

  it('my emails are the setting’s and the register’s "me" parties’', async () => {
    await saveIdentity({ emails: ['me@work.example'] });
    await recordGrant(
      db,
      {
        account: { kind: 'businessCenter', externalId: ORG, name: 'N', ownership: 'client' },
        party: { kind: 'person', email: 'Me@Home.example', isMe: true, name: 'Me' },
      },
      { source: 'manual', now: T0 },
    );
    expect([...(await myEmails(db))].sort()).toEqual(['me@home.example', 'me@work.example']);
  });
});

describe('companion:membersSeen and the popup’s question (background)', () => {
  const TAB = 7;
  const URL_OK = `https://business.tiktok.com/manage/users/members?org_id=${ORG}`;
  const data = (mine?: Partial<SeenMember>) => ({ url: URL_OK, ...page(mine) });

  afterEach(async () => {
    closeRegisterDb();
    await Dexie.delete(REGISTER_DB_NAME);
  });

  it('keeps a question for the tab, answers it, and does not ask again', async () => {
    await saveIdentity({ emails: [ME] });
    expect(await handleMembersSeen(data({ bcRole: 'standard' }), TAB, T0)).toEqual({
      outcome: 'asked',
    });
    expect(await heldQuestionFor(TAB)).toMatchObject({ orgId: ORG, bcRole: 'standard' });
    expect(await registerDb().accounts.count()).toBe(0);

    expect(await handleHeldAnswer({ tabId: TAB, orgId: ORG, answer: 'client' }, T1)).toEqual({
      outcome: 'recorded',
      grantId: expect.any(String),
    });
    expect(await heldQuestionFor(TAB)).toBeNull();
    expect(await handleMembersSeen(data({ bcRole: 'standard' }), TAB, T2)).toEqual({
      outcome: 'recorded',
    });
    expect(await heldQuestionFor(TAB)).toBeNull();
  });

  it('without my emails nothing is recognised', async () => {
    expect(await handleMembersSeen(data({}), TAB, T0)).toEqual({ outcome: 'notMember' });
    expect(await loadHeldQuestion(TAB)).toBeNull();
  });

  it('"Not now" puts the question off for the session; "Mine" settles it', async () => {
    await saveIdentity({ emails: [ME] });
    await handleMembersSeen(data({}), TAB, T0);
    expect(await handleHeldAnswer({ tabId: TAB, orgId: ORG, answer: 'dismiss' }, T1)).toEqual({
      outcome: 'dismissed',
    });
    expect(await handleMembersSeen(data({}), TAB, T1)).toEqual({ outcome: 'dismissed' });
    expect(await heldQuestionFor(TAB)).toBeNull();
    expect(await registerDb().accounts.count()).toBe(0);

    await handleMembersSeen(data({}), TAB + 1, T1);
    // (another tab, same BC: put off as well)
    expect(await heldQuestionFor(TAB + 1)).toBeNull();
  });

  it('a question settled in another tab is dropped, not asked', async () => {
    await saveIdentity({ emails: [ME] });
    await handleMembersSeen(data({}), TAB, T0);
    await handleMembersSeen(data({}), TAB + 1, T0);
    expect(await handleHeldAnswer({ tabId: TAB, orgId: ORG, answer: 'mine' }, T1)).toEqual({
      outcome: 'ownBusinessCenter',
    });
    expect(await loadHeldQuestion(TAB + 1)).not.toBeNull();
    expect(await heldQuestionFor(TAB + 1)).toBeNull();
    expect(await loadHeldQuestion(TAB + 1)).toBeNull();
  });

  it('my row on another page of the table keeps the question', async () => {
    await saveIdentity({ emails: [ME] });
    await handleMembersSeen(data({}), TAB, T0);
    expect(await handleMembersSeen(data(), TAB, T0)).toEqual({ outcome: 'notMember' });
    expect(await heldQuestionFor(TAB)).not.toBeNull();
  });

  it('refuses untrusted payloads, writing and keeping nothing', async () => {
    await saveIdentity({ emails: [ME] });
    const bad = [
      { ...data({}), url: 'https://evil.example/manage/users/members' },
      { ...data({}), orgId: '12<script>' },
      { ...data({}), members: [{ email: 'x'.repeat(400) + '@a.b', status: 'active' }] },
      { ...data({}), members: [{ email: ME, status: 'owner' }] },
      { ...data({}), members: [{ email: ME, status: 'active', bcRole: 'editor' }] },
      { ...data({}), bcName: 'n'.repeat(501) },
      { ...data({}), members: Array.from({ length: 5001 }, () => others[0]) },
    ];
    for (const payload of bad) {
      expect(await handleMembersSeen(payload as never, TAB, T0)).toEqual({
        error: expect.any(String),
      });
    }
    expect(await loadHeldQuestion(TAB)).toBeNull();
    expect(await registerDb().accounts.count()).toBe(0);
  });

  it('refuses an answer that does not match the tab’s question', async () => {
    await saveIdentity({ emails: [ME] });
    await saveHeldQuestion(TAB, null);
    expect(await handleHeldAnswer({ tabId: TAB, orgId: ORG, answer: 'client' }, T0)).toMatchObject({
      error: expect.any(String),
    });
    await handleMembersSeen(data({}), TAB, T0);
    expect(
      await handleHeldAnswer({ tabId: TAB, orgId: '7099999999999999999', answer: 'client' }, T0),
    ).toMatchObject({ error: expect.any(String) });
    expect(
      await handleHeldAnswer({ tabId: TAB, orgId: ORG, answer: 'steal' as never }, T0),
    ).toMatchObject({ error: expect.any(String) });
    expect(await registerDb().accounts.count()).toBe(0);
    expect(await heldQuestionFor(TAB)).not.toBeNull();
  });
});
