import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBackgroundHandlers } from '@/lib/background/handlers';
import { loadHeldQuestion, saveTabContext } from '@/lib/background/tab-context';
import { saveIdentity } from '@/lib/register/identity';
import type { ProtocolMap } from '@/lib/messaging/protocol';
import type { RawSender, SenderEnvironment, SenderKind } from '@/lib/messaging/senders';
import {
  SENDER_RULES,
  SenderRefusedError,
  checkSender,
  classifySender,
  resetSenderEnvironment,
} from '@/lib/messaging/senders';
import { REGISTER_DB_NAME, closeRegisterDb, recordGrant, registerDb } from '@/lib/register';
import { registerReminderHandlers } from '@/lib/background/reminder-handlers';

const EXT = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${EXT}`;
const ENV: SenderEnvironment = {
  extensionId: EXT,
  extensionOrigin: ORIGIN,
  backgroundPaths: new Set(['/background.js']),
  reportedOrg: async () => null,
};
const MY_ORG = '7012345678901234567';
const OTHER_ORG = '7099999999999999999';
const TAB = 12;
const members = (org: string) => `https://business.tiktok.com/manage/users/members?org_id=${org}`;

/** A sender of each kind the extension accepts, on Business Center `MY_ORG` in tab `TAB`. */
const RIGHT: Record<SenderKind, RawSender> = {
  'tiktok-tab': {
    id: EXT,
    url: members(MY_ORG),
    frameId: 0,
    tab: { id: TAB, url: members(MY_ORG) },
  },
  'extension-page': { id: EXT, url: `${ORIGIN}/popup.html` },
  'companion-frame': {
    id: EXT,
    url: `${ORIGIN}/companion.html`,
    frameId: 4,
    tab: { id: TAB, url: members(MY_ORG) },
  },
  background: { id: EXT, url: `${ORIGIN}/background.js` },
};

/** Senders the extension never accepts anything from. */
const STRANGERS: Record<string, RawSender> = {
  'another extension': {
    id: 'abcdefghijklmnopabcdefghijklmnop',
    url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
  },
  'another extension in a TikTok tab': {
    id: 'abcdefghijklmnopabcdefghijklmnop',
    url: members(MY_ORG),
    tab: { id: TAB, url: members(MY_ORG) },
  },
  'a web page': { url: 'https://evil.example/', tab: { id: TAB, url: 'https://evil.example/' } },
  'a content script on another host': {
    id: EXT,
    url: 'https://www.tiktok.com/@someone',
    tab: { id: TAB, url: 'https://www.tiktok.com/@someone' },
  },
  'a content script on a look-alike host': {
    id: EXT,
    url: `https://business.tiktok.com.evil.example/manage/users/members?org_id=${MY_ORG}`,
    tab: { id: TAB },
  },
  'a content script on plain http': {
    id: EXT,
    url: `http://business.tiktok.com/manage/users/members?org_id=${MY_ORG}`,
    tab: { id: TAB },
  },
  'a TikTok page outside any tab': { id: EXT, url: members(MY_ORG) },
  'an extension page framed into another site': {
    id: EXT,
    url: `${ORIGIN}/companion.html`,
    frameId: 3,
    tab: { id: TAB },
  },
  'a sender with no URL': { id: EXT, tab: { id: TAB } },
};

type MessageType = keyof ProtocolMap;
const TYPES = Object.keys(SENDER_RULES) as MessageType[];

/** One payload that fits every rule's accessors, naming `org` (and a page of that org). */
const payload = (org: string, host = 'https://business.tiktok.com') =>
  ({
    orgId: org,
    url: `${host}/manage/users/members?org_id=${org}`,
    tabId: TAB,
    updates: [{ kind: 'add', orgId: org }],
    grantId: crypto.randomUUID(),
  }) as never;

/** Every (message, wrong sender, payload) the protocol must refuse, generated from the table. */
function wrongSends(): { type: MessageType; who: string; sender: RawSender; data: never }[] {
  const out: { type: MessageType; who: string; sender: RawSender; data: never }[] = [];
  for (const type of TYPES) {
    const rule = SENDER_RULES[type] as (typeof SENDER_RULES)[MessageType];
    for (const [who, sender] of Object.entries(STRANGERS))
      out.push({ type, who, sender, data: payload(MY_ORG) });
    for (const kind of Object.keys(RIGHT) as SenderKind[]) {
      if (!rule.from.includes(kind)) {
        out.push({
          type,
          who: `a sender of kind ${kind}`,
          sender: RIGHT[kind],
          data: payload(MY_ORG),
        });
        continue;
      }
      if (kind !== 'tiktok-tab' && kind !== 'companion-frame') continue;
      if (rule.orgs)
        out.push({
          type,
          who: `${kind} on another Business Center`,
          sender: RIGHT[kind],
          data: payload(OTHER_ORG),
        });
      if (rule.urls)
        out.push({
          type,
          who: `${kind} naming another site`,
          sender: RIGHT[kind],
          data: payload(MY_ORG, 'https://evil.example'),
        });
      if (rule.tabs)
        out.push({
          type,
          who: `${kind} naming another tab`,
          sender: RIGHT[kind],
          data: { ...(payload(MY_ORG) as object), tabId: TAB + 1 } as never,
        });
    }
  }
  return out;
}

beforeEach(() => {
  resetSenderEnvironment();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('the sender rules', () => {
  it('give every message of the protocol a rule that accepts someone', () => {
    for (const type of TYPES) expect(SENDER_RULES[type].from.length).toBeGreaterThan(0);
  });

  it('classify each kind of sender from what the browser says about it', () => {
    for (const [kind, sender] of Object.entries(RIGHT))
      expect(classifySender(sender, ENV)).toMatchObject({ kind });
    for (const sender of Object.values(STRANGERS))
      expect(classifySender(sender, ENV)).toHaveProperty('refused');
    // The register opened in a tab of its own is an extension page, not a framed one.
    expect(
      classifySender(
        {
          id: EXT,
          url: `${ORIGIN}/register.html`,
          frameId: 0,
          tab: { id: 3, url: `${ORIGIN}/register.html` },
        },
        ENV,
      ),
    ).toMatchObject({ kind: 'extension-page' });
  });

  const cases = wrongSends();
  it('cover a wrong sender for every message', () => {
    for (const type of TYPES)
      expect(cases.filter((c) => c.type === type).length).toBeGreaterThanOrEqual(
        Object.keys(STRANGERS).length + 1,
      );
  });

  it.each(cases.map((c) => [c.type, c.who, c] as const))('refuse %s from %s', async (_t, _w, c) => {
    await expect(checkSender(c.type, c.data, c.sender, ENV)).rejects.toBeInstanceOf(
      SenderRefusedError,
    );
  });

  it.each(TYPES)('accept %s from the senders its rule names, for their own page', async (type) => {
    for (const kind of SENDER_RULES[type].from) {
      await expect(checkSender(type, payload(MY_ORG), RIGHT[kind], ENV)).resolves.toMatchObject({
        kind,
      });
    }
  });

  it('take a tab’s Business Center from its URL, else from what the tab reported, never the payload', async () => {
    const noOrg = 'https://business.tiktok.com/manage/users/members';
    const sender = { id: EXT, url: noOrg, tab: { id: TAB, url: noOrg } };
    const env = { ...ENV, reportedOrg: async (tab: number) => (tab === TAB ? MY_ORG : null) };
    await expect(
      checkSender('overlay:accountOwnership', { orgId: MY_ORG }, sender, env),
    ).resolves.toMatchObject({ orgId: MY_ORG });
    await expect(
      checkSender('overlay:accountOwnership', { orgId: OTHER_ORG }, sender, env),
    ).rejects.toBeInstanceOf(SenderRefusedError);
    await expect(
      checkSender('overlay:accountOwnership', { orgId: MY_ORG }, sender, ENV),
    ).rejects.toBeInstanceOf(SenderRefusedError);
    // The watcher's own report is how a page whose URL names none tells which one it shows.
    await expect(
      checkSender(
        'watcher:pageSeen',
        { url: noOrg, kind: 'bc-members', orgId: OTHER_ORG },
        sender,
        ENV,
      ),
    ).resolves.toMatchObject({ kind: 'tiktok-tab' });
  });
});

describe('the background’s listeners', () => {
  let removeReminders: (() => void) | undefined;
  let removeHandlers: (() => void) | undefined;

  beforeEach(async () => {
    closeRegisterDb();
    await Dexie.delete(REGISTER_DB_NAME);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Access Companion',
      version: '0.1.0',
      background: { service_worker: 'background.js' },
    });
    removeHandlers = registerBackgroundHandlers({
      now: () => new Date('2026-12-01T12:00:00Z'),
      startedAt: new Date('2026-12-01T11:00:00Z'),
      injectOverlay: async () => {},
    });
    const reminders = registerReminderHandlers({
      now: () => new Date('2026-12-01T12:00:00Z'),
      db: registerDb,
      supportsButtons: true,
    });
    removeReminders = reminders.remove;
    await reminders.started;
  });

  afterEach(() => {
    removeReminders?.();
    removeHandlers?.();
    closeRegisterDb();
  });

  /** Deliver a message as the browser does and return what the sender receives. */
  async function deliver(type: MessageType, data: unknown, sender: RawSender) {
    const replies: { res?: unknown; err?: { name?: string; message?: string } }[] = [];
    // The browser's listeners take (message, sender, sendResponse).
    const trigger = fakeBrowser.runtime.onMessage.trigger as (
      ...args: unknown[]
    ) => Promise<unknown>;
    await trigger(
      { id: 1, type, data, timestamp: Date.now() },
      sender,
      (reply: (typeof replies)[number]) => replies.push(reply),
    );
    await vi.waitFor(() => expect(replies).toHaveLength(1));
    return replies[0]!;
  }

  const handled = TYPES.filter((t) => !SENDER_RULES[t].from.includes('background'));

  it.each(handled)(
    'answer %s from a web page, another extension or a wrong kind with a refusal',
    async (type) => {
      const wrong = wrongSends().filter((c) => c.type === type);
      for (const c of wrong) {
        const reply = await deliver(type, c.data, c.sender);
        expect(reply.err?.name, `${type} from ${c.who}`).toBe('SenderRefusedError');
      }
    },
  );

  it('logs each kind of refusal once, however often it comes', async () => {
    const warn = vi.mocked(console.warn);
    warn.mockClear();
    for (let i = 0; i < 5; i++)
      await deliver(
        'page:reviewGrant',
        { grantId: crypto.randomUUID(), decision: 'keep', note: '' },
        RIGHT['tiktok-tab'],
      );
    expect(warn.mock.calls.filter(([m]) => String(m).includes('page:reviewGrant'))).toHaveLength(1);
  });

  it('gives a content script only its own Business Center’s register rows and its own tab’s context', async () => {
    const db = registerDb();
    const ctx = { source: 'manual' as const, now: new Date('2026-12-01T12:00:00Z') };
    for (const org of [MY_ORG, OTHER_ORG])
      await recordGrant(
        db,
        {
          account: { kind: 'businessCenter', externalId: org, name: org, ownership: 'mine' },
          party: { kind: 'person', email: `someone@${org}.example`, bcId: null, name: 'Someone' },
          bcRole: 'standard',
          status: 'active',
        },
        ctx,
      );
    await saveTabContext(99, {
      url: members(OTHER_ORG),
      kind: 'bc-members',
      orgId: OTHER_ORG,
      advertiserId: null,
      seenAt: '',
    });
    // The frame gets its own tab's rows (the payload names no Business Center); the content
    // script in the page gets none.
    const mine = await deliver('companion:registerRows', {}, RIGHT['companion-frame']);
    const answer = mine.res as { orgId: string; rows: { email: string }[] };
    expect(answer.orgId).toBe(MY_ORG);
    expect(answer.rows.map((r) => r.email)).toEqual([`someone@${MY_ORG}.example`]);
    const fromPage = await deliver('companion:registerRows', {}, RIGHT['tiktok-tab']);
    expect(fromPage.err?.name).toBe('SenderRefusedError');
    expect(
      (await deliver('popup:getTabContext', { tabId: 99 }, RIGHT['tiktok-tab'])).err?.name,
    ).toBe('SenderRefusedError');
    expect(
      (await deliver('popup:getTabContext', { tabId: 99 }, RIGHT['extension-page'])).res,
    ).toMatchObject({ orgId: OTHER_ORG });
  });

  it('takes a Members report’s page and Business Center from the frame’s tab, never the payload', async () => {
    await saveIdentity({ emails: ['me@agency.example'] });
    // The payload names another Business Center and another page: both are ignored.
    const report = {
      bcName: 'Acme',
      members: [{ email: 'me@agency.example', bcRole: 'standard', status: 'active' }],
      orgId: OTHER_ORG,
      url: members(OTHER_ORG),
    } as never;
    const reply = await deliver('companion:membersSeen', report, RIGHT['companion-frame']);
    expect(reply.res).toEqual({ outcome: 'asked' });
    expect(await loadHeldQuestion(TAB)).toMatchObject({ orgId: MY_ORG, bcName: 'Acme' });
    // A frame whose tab's address names no Business Center reports nothing.
    const noOrg = 'https://business.tiktok.com/manage/users/members';
    const elsewhere = { ...RIGHT['companion-frame'], tab: { id: TAB + 1, url: noOrg } };
    const refused = await deliver('companion:membersSeen', report, elsewhere);
    expect(refused.res).toMatchObject({ error: expect.any(String) });
    expect(await loadHeldQuestion(TAB + 1)).toBeNull();
  });

  it('refuses "Update all" without the user’s confirmation, and a grant of another Business Center', async () => {
    const db = registerDb();
    const ctx = { source: 'manual' as const, now: new Date('2026-12-01T12:00:00Z') };
    const grant = (org: string, email: string) =>
      recordGrant(
        db,
        {
          account: { kind: 'businessCenter', externalId: org, name: org, ownership: 'mine' },
          party: { kind: 'person', email, bcId: null, name: email },
          bcRole: 'standard',
          status: 'invited',
        },
        ctx,
      );
    const a = await grant(MY_ORG, 'a@example.com');
    const b = await grant(MY_ORG, 'b@example.com');
    const elsewhere = await grant(OTHER_ORG, 'c@example.com');
    const update = (g: { id: string; rev: number }) => ({
      kind: 'update',
      grantId: g.id,
      rev: g.rev,
      patch: { status: 'active' },
    });
    const both = { updates: [update(a), update(b)] };
    expect((await deliver('overlay:reconcile', both, RIGHT['tiktok-tab'])).err).toMatchObject({
      code: 'needsConfirmation',
    });
    expect((await db.grants.get(a.id))?.status).toBe('invited');
    const foreign = await deliver(
      'overlay:reconcile',
      { updates: [update(elsewhere)] },
      RIGHT['tiktok-tab'],
    );
    expect(foreign.err).toMatchObject({ code: 'notFound' });
    expect((await db.grants.get(elsewhere.id))?.status).toBe('invited');
    const confirmed = await deliver(
      'overlay:reconcile',
      { ...both, confirmed: true },
      RIGHT['tiktok-tab'],
    );
    expect((confirmed.res as { grantIds: string[] }).grantIds).toHaveLength(2);
    expect((await db.grants.get(b.id))?.status).toBe('active');
  });

  it('hands the page agent the interface words, and nobody else', async () => {
    const words = (await deliver('agent:labels', {}, RIGHT['tiktok-tab'])).res as {
      lang: string;
      labels: Record<string, string[]>;
    }[];
    expect(words.map((w) => w.lang)).toContain('ja');
    expect(words.find((w) => w.lang === 'en')?.labels.removeVerb).toContain('Remove');
    for (const kind of ['companion-frame', 'extension-page'] as const)
      expect((await deliver('agent:labels', {}, RIGHT[kind])).err?.name).toBe('SenderRefusedError');
  });

  it('answers a grant hint only on the grant’s own Business Center’s page', async () => {
    const g = await recordGrant(
      registerDb(),
      {
        account: {
          kind: 'businessCenter',
          externalId: OTHER_ORG,
          name: 'Other',
          ownership: 'mine',
        },
        party: { kind: 'person', email: 'x@example.com', bcId: null, name: 'X' },
        bcRole: 'standard',
        status: 'active',
      },
      { source: 'manual', now: new Date('2026-12-01T12:00:00Z') },
    );
    expect(
      (await deliver('overlay:grantHint', { grantId: g.id }, RIGHT['companion-frame'])).res,
    ).toBeNull();
    const there = {
      ...RIGHT['companion-frame'],
      tab: { id: TAB, url: members(OTHER_ORG) },
    };
    expect((await deliver('overlay:grantHint', { grantId: g.id }, there)).res).toMatchObject({
      grantId: g.id,
    });
    // The page agent (a content script in TikTok's page) is not given the register's names.
    const agent = { ...RIGHT['tiktok-tab'], url: members(OTHER_ORG) };
    expect((await deliver('overlay:grantHint', { grantId: g.id }, agent)).err?.name).toBe(
      'SenderRefusedError',
    );
  });
});
