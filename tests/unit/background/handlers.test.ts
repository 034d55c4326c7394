import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundDeps } from '@/lib/background/handlers';
import { backgroundStatus, handlePageSeen } from '@/lib/background/handlers';
import { clearTabContext, loadTabContext } from '@/lib/background/tab-context';
import {
  REGISTER_DB_NAME,
  REGISTER_SCHEMA_VERSION,
  closeRegisterDb,
  deleteGrant,
  recordGrant,
  registerDb,
} from '@/lib/register';
import type { PageKind } from '@/lib/tiktok/routes';
import { ACCESS_PAGE_KINDS, classifyUrl } from '@/lib/tiktok/routes';

const NOW = new Date('2026-11-27T18:00:00.000Z');
const STARTED = new Date('2026-11-27T17:00:00.000Z');
const ORG_ID = '7012345678901234567';

function makeDeps(injectOverlay: BackgroundDeps['injectOverlay'] = () => Promise.resolve()) {
  return {
    now: () => NOW,
    startedAt: STARTED,
    injectOverlay: vi.fn(injectOverlay),
  } satisfies BackgroundDeps;
}

// One URL of each kind the watcher may report (the kind is the watcher's, from classifyUrl).
const PAGES: Record<Exclude<PageKind, 'unknown'>, string> = {
  'bc-members': `https://business.tiktok.com/manage/users/members?org_id=${ORG_ID}`,
  'bc-partners': `https://business.tiktok.com/manage/users/partners?org_id=${ORG_ID}`,
  'bc-asset-access': `https://business.tiktok.com/manage/accounts/adv/detail?org_id=${ORG_ID}&aadvid=7100000000000000001`,
  'bc-picker': 'https://business.tiktok.com/select?source=login',
  'bc-other': `https://business.tiktok.com/manage/overview?org_id=${ORG_ID}`,
  'ads-manager': 'https://ads.tiktok.com/i18n/dashboard?aadvid=7100000000000000001',
  login: 'https://business.tiktok.com/login',
};
const CASES = Object.entries(PAGES).map(([kind, url]) => ({ kind: kind as PageKind, url }));

describe('handlePageSeen', () => {
  it('the page table covers the URLs it claims', () => {
    for (const { kind, url } of CASES) expect(classifyUrl(new URL(url))).toBe(kind);
  });

  it.each(CASES.filter((c) => ACCESS_PAGE_KINDS.has(c.kind)))(
    'shows the overlay on $kind and saves the tab context',
    async ({ kind, url }) => {
      const deps = makeDeps();
      const reply = await handlePageSeen({ url, kind }, { tab: { id: 7 }, frameId: 3 }, deps);

      expect(reply).toEqual({ overlay: 'shown' });
      expect(deps.injectOverlay).toHaveBeenCalledTimes(1);
      expect(deps.injectOverlay).toHaveBeenCalledWith(7, 3, false);
      expect(await loadTabContext(7)).toEqual({
        url,
        kind,
        orgId: ORG_ID,
        bcName: null,
        advertiserId: kind === 'bc-asset-access' ? '7100000000000000001' : null,
        seenAt: NOW.toISOString(),
      });
    },
  );

  it('injects the picker reader on the Business Center picker only, and a failure there is quiet', async () => {
    for (const { kind, url } of CASES) {
      const injectPickerReader = vi.fn(async () => {});
      await handlePageSeen(
        { url, kind },
        { tab: { id: 5 }, frameId: 2 },
        { ...makeDeps(), injectPickerReader },
      );
      if (kind === 'bc-picker') expect(injectPickerReader).toHaveBeenCalledWith(5, 2);
      else expect(injectPickerReader, kind).not.toHaveBeenCalled();
    }
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failing = vi.fn(async () => {
      throw new Error('the tab is gone');
    });
    const reply = await handlePageSeen(
      { url: PAGES['bc-picker'], kind: 'bc-picker' },
      { tab: { id: 6 } },
      { ...makeDeps(), injectPickerReader: failing },
    );
    expect(reply).toEqual({ overlay: 'not-needed' });
    expect(await loadTabContext(6)).toMatchObject({ kind: 'bc-picker' });
    warn.mockRestore();
  });

  it('passes a page-confirmed kind on to the overlay, and only a confirmed one', async () => {
    const url = 'https://business.tiktok.com/manage/users/collaborators?org_id=7012345678901234567';
    const tellOverlay = vi.fn(async () => {});
    const deps = { ...makeDeps(), tellOverlay };
    await handlePageSeen(
      { url, kind: 'bc-partners', confirmedBy: 'url' },
      { tab: { id: 4 } },
      deps,
    );
    expect(tellOverlay).not.toHaveBeenCalled();
    await handlePageSeen(
      { url, kind: 'bc-partners', confirmedBy: 'page' },
      { tab: { id: 4 }, frameId: 0 },
      deps,
    );
    expect(tellOverlay).toHaveBeenCalledWith(4, 0, { url, kind: 'bc-partners' });
  });

  it('keeps what the page itself confirmed (its org and Business Center name) over the URL', async () => {
    const url = PAGES['bc-members'];
    await handlePageSeen(
      {
        url,
        kind: 'bc-members',
        confirmedBy: 'page',
        orgId: '7098765432109876543',
        bcName: 'Tienda Sol',
      },
      { tab: { id: 9 } },
      makeDeps(),
    );
    expect(await loadTabContext(9)).toMatchObject({
      orgId: '7098765432109876543',
      bcName: 'Tienda Sol',
    });
  });

  it.each(CASES.filter((c) => !ACCESS_PAGE_KINDS.has(c.kind)))(
    'does not inject on $kind, but still saves the tab context',
    async ({ kind, url }) => {
      const deps = makeDeps();
      const reply = await handlePageSeen({ url, kind }, { tab: { id: 8 } }, deps);

      expect(reply).toEqual({ overlay: 'not-needed' });
      expect(deps.injectOverlay).not.toHaveBeenCalled();
      expect(await loadTabContext(8)).toMatchObject({ url, kind, seenAt: NOW.toISOString() });
    },
  );

  it('injects into the top frame when the sender names no frame', async () => {
    const deps = makeDeps();
    await handlePageSeen(
      { url: PAGES['bc-members'], kind: 'bc-members' },
      { tab: { id: 5 } },
      deps,
    );
    expect(deps.injectOverlay).toHaveBeenCalledWith(5, 0, false);
  });

  it('tells the injection when the report is its document’s first (no agent can run there yet)', async () => {
    const deps = makeDeps();
    const url = PAGES['bc-members'];
    await handlePageSeen({ url, kind: 'bc-members', newDocument: true }, { tab: { id: 5 } }, deps);
    await handlePageSeen({ url, kind: 'bc-members' }, { tab: { id: 5 } }, deps);
    expect(vi.mocked(deps.injectOverlay).mock.calls).toEqual([
      [5, 0, true],
      [5, 0, false],
    ]);
  });

  it('parses the IDs from the URL and drops junk ones', async () => {
    const url = 'https://business.tiktok.com/manage/users/members?org_id=abc&aadvid=12';
    await handlePageSeen({ url, kind: 'bc-members' }, { tab: { id: 9 } }, makeDeps());
    expect(await loadTabContext(9)).toMatchObject({ orgId: null, advertiserId: null });
  });

  it("answers 'failed' when the overlay cannot be injected", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const deps = makeDeps(() => Promise.reject(new Error('Cannot access contents of the page')));
    const reply = await handlePageSeen(
      { url: PAGES['bc-partners'], kind: 'bc-partners' },
      { tab: { id: 4 } },
      deps,
    );
    expect(reply).toEqual({ overlay: 'failed' });
    expect(deps.injectOverlay).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    // The context is saved before the injection, so the popup still knows the page.
    expect(await loadTabContext(4)).toMatchObject({ kind: 'bc-partners', orgId: ORG_ID });
  });

  it("answers 'not-needed' and saves nothing without a tab", async () => {
    const deps = makeDeps();
    const reply = await handlePageSeen(
      { url: PAGES['bc-members'], kind: 'bc-members' },
      { frameId: 0 },
      deps,
    );
    expect(reply).toEqual({ overlay: 'not-needed' });
    expect(deps.injectOverlay).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get()).toEqual({});
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it('keeps tab context in session storage, one entry per tab, until the tab is cleared', async () => {
    const deps = makeDeps();
    await handlePageSeen(
      { url: PAGES['bc-members'], kind: 'bc-members' },
      { tab: { id: 1 } },
      deps,
    );
    await handlePageSeen({ url: PAGES['bc-other'], kind: 'bc-other' }, { tab: { id: 2 } }, deps);
    expect(Object.keys(await fakeBrowser.storage.session.get()).sort()).toEqual([
      'tab-context:1',
      'tab-context:2',
    ]);

    // A later page in the same tab replaces the earlier one.
    await handlePageSeen({ url: PAGES['bc-picker'], kind: 'bc-picker' }, { tab: { id: 1 } }, deps);
    expect((await loadTabContext(1))?.kind).toBe('bc-picker');

    await clearTabContext(1);
    expect(await loadTabContext(1)).toBeNull();
    expect((await loadTabContext(2))?.kind).toBe('bc-other');
  });

  it('has no context for a tab it never saw', async () => {
    expect(await loadTabContext(123)).toBeNull();
  });
});

describe('backgroundStatus', () => {
  beforeEach(async () => {
    closeRegisterDb();
    await Dexie.delete(REGISTER_DB_NAME);
  });

  afterEach(() => {
    closeRegisterDb();
  });

  it('reports the manifest version, the schema version, start time and live grants', async () => {
    const getManifest = vi
      .spyOn(fakeBrowser.runtime, 'getManifest')
      .mockReturnValue({ manifest_version: 3, name: 'Access Companion', version: '9.8.7' });
    const db = registerDb();
    const ctx = { source: 'manual', now: NOW } as const;
    const account = {
      kind: 'businessCenter',
      externalId: ORG_ID,
      ownership: 'mine',
    } as const;
    const kept = await recordGrant(
      db,
      { account, party: { kind: 'person', email: 'a@example.com' } },
      ctx,
    );
    const gone = await recordGrant(
      db,
      { account, party: { kind: 'person', email: 'b@example.com' } },
      ctx,
    );
    await deleteGrant(db, gone.id, gone.rev, ctx);
    expect(kept.deletedAt).toBeNull();

    expect(await backgroundStatus(makeDeps())).toEqual({
      version: '9.8.7',
      schemaVersion: REGISTER_SCHEMA_VERSION,
      startedAt: STARTED.toISOString(),
      grants: 1,
    });
    expect(getManifest).toHaveBeenCalled();
  });

  it('counts zero grants in an empty register', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Access Companion',
      version: '0.1.0',
    });
    expect((await backgroundStatus(makeDeps())).grants).toBe(0);
  });
});
