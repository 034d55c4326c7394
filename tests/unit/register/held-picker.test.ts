import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  REGISTER_DB_NAME,
  closeRegisterDb,
  listGrantViews,
  perspectiveOf,
  registerDb,
  readAllStoredEvents,
} from '@/lib/register';
import {
  handleBusinessCentersSeen,
  handleMembersSeen,
  handlePickerAnswer,
  heldQuestionFor,
  pickerQuestionFor,
} from '@/lib/background/held-accounts-handler';
import { ownershipOf } from '@/lib/register/held-accounts-visit';
import { saveIdentity } from '@/lib/register/identity';
import {
  forgetTabIfLeftTikTok,
  hasLeftTikTok,
  loadPickerQuestion,
  loadTabContext,
  saveTabContext,
} from '@/lib/background/tab-context';
import { registerBackgroundHandlers } from '@/lib/background/handlers';
import { seedAccount } from '../helpers/held';

// The picker asks about the Business Centers it cannot place.

const T0 = new Date('2026-11-27T10:00:00.000Z');
const T1 = new Date('2026-11-28T10:00:00.000Z');
const TAB = 4;
const PICKER = 'https://business.tiktok.com/select?source=login';
const OWN = { orgId: '7012345678901234567', name: 'Northwind Outdoor', myRole: 'admin' as const };
const CEDAR = { orgId: '7055555555555555555', name: 'Cedar & Co', myRole: 'standard' as const };
const OAK = { orgId: '7066666666666666666', name: 'Oak Foods', myRole: 'admin' as const };
const SOL = { orgId: '7098765432109876543', name: 'Tienda Sol' };
const seen = (...centers: { orgId: string; name: string; myRole?: 'admin' | 'standard' }[]) => ({
  url: PICKER,
  centers,
});

afterEach(async () => {
  closeRegisterDb();
  await Dexie.delete(REGISTER_DB_NAME);
});

describe('the picker’s list (watcher:businessCentersSeen)', () => {
  it('writes nothing about Business Centers the register does not know: it asks', async () => {
    const reply = await handleBusinessCentersSeen(seen(OWN, CEDAR, SOL), TAB, T0);
    expect(reply).toEqual({ created: 0, updated: 0, unchanged: 0, conflicts: 0, asked: 3 });
    expect(await registerDb().accounts.count()).toBe(0);
    expect((await readAllStoredEvents(registerDb())).length).toBe(0);
    expect(await pickerQuestionFor(TAB)).toEqual([
      { orgId: OWN.orgId, bcName: 'Northwind Outdoor', bcRole: 'admin' },
      { orgId: CEDAR.orgId, bcName: 'Cedar & Co', bcRole: 'standard' },
      { orgId: SOL.orgId, bcName: 'Tienda Sol', bcRole: null },
    ]);
  });

  it('skips mine, keeps a client’s up to date silently, and asks only about the rest', async () => {
    const db = registerDb();
    await seedAccount(db, OWN.orgId, 'Northwind Outdoor', 'mine');
    await seedAccount(db, CEDAR.orgId, 'Cedar & Co', 'client');
    expect(await handleBusinessCentersSeen(seen(OWN, CEDAR, OAK), TAB, T0)).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      conflicts: 1,
      asked: 1,
    });
    const views = await listGrantViews(db);
    expect(views.map((v) => [v.account?.externalId, v.grant.bcRole, perspectiveOf(v)])).toEqual([
      [CEDAR.orgId, 'standard', 'held'],
    ]);
    // My own Business Center has no grant of mine written on it.
    expect((await db.accounts.toArray()).map((a) => [a.externalId, a.ownership]).sort()).toEqual(
      [
        [OWN.orgId, 'mine'],
        [CEDAR.orgId, 'client'],
      ].sort(),
    );
    expect((await pickerQuestionFor(TAB)).map((c) => c.orgId)).toEqual([OAK.orgId]);

    // Seeing the same list again writes nothing.
    const events = (await readAllStoredEvents(db)).length;
    const grants = JSON.stringify(await db.grants.toArray());
    expect(await handleBusinessCentersSeen(seen(OWN, CEDAR, OAK), TAB, T1)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
      conflicts: 1,
      asked: 1,
    });
    expect((await readAllStoredEvents(db)).length).toBe(events);
    expect(JSON.stringify(await db.grants.toArray())).toBe(grants);
    expect(await db.accounts.count()).toBe(2);

    // A changed role on a client's Business Center is recorded with an event.
    await handleBusinessCentersSeen(seen({ ...CEDAR, myRole: 'admin' }), TAB, T1);
    expect((await listGrantViews(db))[0]?.grant.bcRole).toBe('admin');
    expect((await readAllStoredEvents(db)).length).toBe(events + 1);
    // Nothing unknown in that list: the tab's question is dropped.
    expect(await loadPickerQuestion(TAB)).toEqual([]);
  });

  it('answers: "A client’s" tracks it with my role, "Mine" marks it mine; neither is asked again', async () => {
    const db = registerDb();
    await handleBusinessCentersSeen(seen(OWN, CEDAR, OAK), TAB, T0);
    const reply = await handlePickerAnswer(
      {
        tabId: TAB,
        answers: [
          { orgId: OWN.orgId, answer: 'mine' },
          { orgId: CEDAR.orgId, answer: 'client' },
        ],
      },
      T1,
    );
    expect(reply).toEqual({
      mine: 1,
      clients: 1,
      dismissed: 0,
      left: [{ orgId: OAK.orgId, bcName: 'Oak Foods', bcRole: 'admin' }],
    });
    expect(await ownershipOf(db, OWN.orgId)).toBe('mine');
    expect(await ownershipOf(db, CEDAR.orgId)).toBe('client');
    const views = await listGrantViews(db);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      account: { externalId: CEDAR.orgId, name: 'Cedar & Co' },
      grant: { bcRole: 'standard', status: 'active', source: 'page' },
    });
    // The one not answered is still asked; the answered ones are not, on a new visit either.
    expect((await pickerQuestionFor(TAB)).map((c) => c.orgId)).toEqual([OAK.orgId]);
    const events = (await readAllStoredEvents(db)).length;
    expect(await handleBusinessCentersSeen(seen(OWN, CEDAR, OAK), TAB, T1)).toMatchObject({
      created: 0,
      unchanged: 1,
      asked: 1,
    });
    expect((await readAllStoredEvents(db)).length).toBe(events);
  });

  it('"Not now" puts the rest off for the session, in every tab', async () => {
    await handleBusinessCentersSeen(seen(CEDAR, OAK), TAB, T0);
    expect(
      await handlePickerAnswer(
        {
          tabId: TAB,
          answers: [
            { orgId: CEDAR.orgId, answer: 'dismiss' },
            { orgId: OAK.orgId, answer: 'dismiss' },
          ],
        },
        T1,
      ),
    ).toEqual({ mine: 0, clients: 0, dismissed: 2, left: [] });
    expect(await handleBusinessCentersSeen(seen(CEDAR, OAK), TAB + 1, T1)).toMatchObject({
      asked: 0,
    });
    expect(await pickerQuestionFor(TAB + 1)).toEqual([]);
    expect(await registerDb().accounts.count()).toBe(0);
  });

  it('drops a Business Center answered in another tab (or on its Members page) meanwhile', async () => {
    await handleBusinessCentersSeen(seen(CEDAR, OAK), TAB, T0);
    await handleBusinessCentersSeen(seen(CEDAR, OAK), TAB + 1, T0);
    await handlePickerAnswer({ tabId: TAB, answers: [{ orgId: CEDAR.orgId, answer: 'mine' }] }, T1);
    expect((await pickerQuestionFor(TAB + 1)).map((c) => c.orgId)).toEqual([OAK.orgId]);
    expect((await loadPickerQuestion(TAB + 1)).map((c) => c.orgId)).toEqual([OAK.orgId]);
  });

  it('refuses answers about Business Centers not asked on this tab, writing nothing', async () => {
    await handleBusinessCentersSeen(seen(CEDAR), TAB, T0);
    expect(
      await handlePickerAnswer(
        { tabId: TAB, answers: [{ orgId: OAK.orgId, answer: 'client' }] },
        T1,
      ),
    ).toEqual({ error: expect.stringContaining(OAK.orgId) });
    expect(
      await handlePickerAnswer(
        { tabId: TAB + 1, answers: [{ orgId: CEDAR.orgId, answer: 'client' }] },
        T1,
      ),
    ).toEqual({ error: expect.stringContaining('Not asked') });
    expect(
      await handlePickerAnswer(
        // @ts-expect-error an answer the protocol does not have
        { tabId: TAB, answers: [{ orgId: CEDAR.orgId, answer: 'delete' }] },
        T1,
      ),
    ).toEqual({ error: expect.stringContaining('answers.0.answer') });
    expect(await registerDb().accounts.count()).toBe(0);
    expect((await pickerQuestionFor(TAB)).map((c) => c.orgId)).toEqual([CEDAR.orgId]);
  });
});

describe('a tab that leaves TikTok (tabs.onUpdated)', () => {
  const context = {
    url: PICKER,
    kind: 'bc-picker' as const,
    orgId: null,
    advertiserId: null,
    seenAt: T0.toISOString(),
  };

  it('tells a TikTok URL from another site’s, and a hidden URL from a visible one', () => {
    expect(hasLeftTikTok({ url: 'https://ads.tiktok.com/i18n/dashboard' }, undefined)).toBe(false);
    expect(hasLeftTikTok({ status: 'complete' }, { url: PICKER })).toBe(false);
    expect(hasLeftTikTok({ url: 'https://example.com/members' }, undefined)).toBe(true);
    expect(hasLeftTikTok({ url: 'https://business.tiktok.com.evil.example/' }, undefined)).toBe(
      true,
    );
    // Without the "tabs" permission, another site's URL is not shown to the extension at all.
    expect(hasLeftTikTok({ status: 'loading' }, {})).toBe(true);
    expect(hasLeftTikTok({ status: 'loading' }, { url: 'chrome://newtab/' })).toBe(true);
  });

  it('forgets the tab’s context and both questions once it shows another site', async () => {
    await saveIdentity({ emails: ['dana@brightlane-agency.com'] });
    await saveTabContext(TAB, context);
    await handleBusinessCentersSeen(seen(CEDAR), TAB, T0);
    await handleMembersSeen(
      {
        url: `https://business.tiktok.com/manage/users/members?org_id=${OAK.orgId}`,
        orgId: OAK.orgId,
        bcName: 'Oak Foods',
        members: [{ email: 'dana@brightlane-agency.com', status: 'active' }],
      },
      TAB,
      T0,
    );
    expect(await heldQuestionFor(TAB)).not.toBeNull();

    expect(await forgetTabIfLeftTikTok(TAB, { status: 'complete' }, { url: PICKER })).toBe(false);
    expect(await loadTabContext(TAB)).toEqual(context);

    // An update that is not a load says nothing about where the tab is.
    expect(await forgetTabIfLeftTikTok(TAB, {}, {})).toBe(false);
    expect(await loadTabContext(TAB)).toEqual(context);
    expect(await forgetTabIfLeftTikTok(TAB, { status: 'loading' }, {})).toBe(true);
    expect(await loadTabContext(TAB)).toBeNull();
    expect(await heldQuestionFor(TAB)).toBeNull();
    expect(await pickerQuestionFor(TAB)).toEqual([]);
  });

  it('is wired to the background’s tabs.onUpdated (fakeBrowser)', async () => {
    registerBackgroundHandlers({
      now: () => T0,
      startedAt: T0,
      injectOverlay: async () => undefined,
    });
    const tab = await fakeBrowser.tabs.create({ url: PICKER });
    const id = tab.id as number;
    await saveTabContext(id, context);
    // An SPA navigation within TikTok: kept (the watcher reports the new page).
    await fakeBrowser.tabs.update(id, { url: 'https://business.tiktok.com/manage/overview' });
    expect(await loadTabContext(id)).toEqual(context);
    // Another site, whose URL the extension cannot see: forgotten.
    await fakeBrowser.tabs.onUpdated.trigger(id, { status: 'loading' }, { ...tab, url: undefined });
    await expect.poll(() => loadTabContext(id)).toBeNull();

    await saveTabContext(id, context);
    await fakeBrowser.tabs.update(id, { url: 'https://example.com/' });
    await expect.poll(() => loadTabContext(id)).toBeNull();
  });
});
