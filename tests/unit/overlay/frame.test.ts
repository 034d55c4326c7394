import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  companionLocation,
  isFrameMessage,
  isTikTokOrigin,
  newToken,
  panelState,
} from '@/lib/overlay/frame-bridge';
import { CompanionDock, REVEAL_AFTER_MS } from '@/lib/overlay/dock';
import type { AgentReading } from '@/lib/overlay/frame-bridge';
import { pageLayers, placePanel, type PlaceInput } from '@/lib/overlay/placement';
import { pageShowsOrg } from '@/lib/overlay/page-org';
import { createOverlayStore } from '@/lib/overlay/store';
import { overlayPrefs, rememberPrefs } from '@/lib/overlay/prefs';
import { pageKey, readOverlayPrefs } from '@/lib/overlay/prefs-read';

const viewport = { width: 1280, height: 800 };
const size = { width: 348, height: 400 };

describe('placePanel', () => {
  it('sits at the bottom of the chosen side when nothing is in the way', () => {
    expect(placePanel({ viewport, size, side: 'right', keep: [] })).toEqual({
      side: 'right',
      top: 800 - 16 - 400,
      height: 400,
      covering: false,
    });
    expect(placePanel({ viewport, size, side: 'left', keep: [] }).side).toBe('left');
  });

  it('moves to the other side while the control to use next is under it, and back', () => {
    const control = { top: 600, left: 1100, width: 120, height: 32 };
    expect(placePanel({ viewport, size, side: 'right', keep: [control] }).side).toBe('left');
    const elsewhere = { top: 100, left: 500, width: 120, height: 32 };
    expect(placePanel({ viewport, size, side: 'right', keep: [elsewhere] }).side).toBe('right');
  });

  it('shrinks beside what covers both sides, never over it', () => {
    // A wide dialog in a narrow window: in the way on either side.
    const narrow = { width: 1024, height: 700 };
    const dialog = { top: 120, left: 278, width: 468, height: 460 };
    const place = placePanel({ viewport: narrow, size, side: 'right', keep: [dialog] });
    expect(place.covering).toBe(false);
    expect(place.top).toBeGreaterThanOrEqual(dialog.top + dialog.height);
    expect(place.top + place.height).toBeLessThanOrEqual(narrow.height - 16);
    expect(place.height).toBeGreaterThanOrEqual(48);
  });

  it('says so when no place keeps everything clear (a tiny window)', () => {
    const tiny = { width: 400, height: 300 };
    const everywhere = { top: 0, left: 0, width: 400, height: 300 };
    const place = placePanel({ viewport: tiny, size, side: 'right', keep: [everywhere] });
    expect(place.covering).toBe(true);
    expect(place.height).toBeLessThanOrEqual(300 - 32);
  });

  it('ignores empty boxes (a control not rendered)', () => {
    const empty = { top: 500, left: 1000, width: 0, height: 0 };
    expect(placePanel({ viewport, size, side: 'right', keep: [empty] }).side).toBe('right');
  });
});

describe('pageLayers', () => {
  it('finds floating menus and dialogs, not a menu in the page flow or the companion host', () => {
    document.body.innerHTML = `
      <nav role="menu" id="side-nav"><a>Members</a></nav>
      <div role="menu" id="row-menu" style="position: absolute"><button>Remove</button></div>
      <div role="dialog" id="dialog"><p>Invite Member</p></div>
      <div class="bc-okee-dropdown" id="hidden-dropdown" style="position: fixed; visibility: hidden">x</div>
      <tt-access-companion></tt-access-companion>`;
    // happy-dom lays nothing out: give every element a box.
    for (const el of document.body.querySelectorAll('*'))
      el.getBoundingClientRect = () => ({
        x: 0,
        y: 0,
        top: 0,
        left: 0,
        right: 10,
        bottom: 10,
        width: 10,
        height: 10,
        toJSON: () => ({}),
      });
    const ids = pageLayers(document).map((el) => el.id);
    expect(ids).toContain('row-menu');
    expect(ids).toContain('dialog');
    expect(ids).not.toContain('side-nav');
    expect(ids).not.toContain('hidden-dropdown');
  });
});

describe('the frame bridge', () => {
  it('accepts only frame messages it knows', () => {
    expect(isFrameMessage({ kind: 'run', run: null, read: false })).toBe(true);
    // The run is the frame's: the agent takes no order to start one.
    expect(isFrameMessage({ kind: 'start', checklist: 'add-member' })).toBe(false);
    expect(isFrameMessage({ kind: 'size', width: 1, height: 2 })).toBe(true);
    expect(isFrameMessage({ kind: 'eval', code: 'x' })).toBe(false);
    expect(isFrameMessage('start')).toBe(false);
    expect(isFrameMessage(null)).toBe(false);
  });

  it('takes ports only from the two TikTok origins', () => {
    expect(isTikTokOrigin('https://business.tiktok.com')).toBe(true);
    expect(isTikTokOrigin('https://ads.tiktok.com')).toBe(true);
    expect(isTikTokOrigin('https://business.tiktok.com.evil.example')).toBe(false);
    expect(isTikTokOrigin('http://business.tiktok.com')).toBe(false);
    expect(isTikTokOrigin('null')).toBe(false);
  });

  it('posts to the origin the framed document has (Chrome: the extension id, not the dynamic URL)', () => {
    const chrome = companionLocation(
      (p) => `chrome-extension://d8d962f0-8ca3-4ba5-a642-8f4538f2a44b${p}`,
      'oigfjgjnfplbadmffaaimegafpfednhi',
    );
    expect(chrome).toEqual({
      url: 'chrome-extension://d8d962f0-8ca3-4ba5-a642-8f4538f2a44b/companion.html',
      origin: 'chrome-extension://oigfjgjnfplbadmffaaimegafpfednhi',
    });
    const firefox = companionLocation(
      (p) => `moz-extension://0b9f3c0e-1111-4222-8333-944455556666${p}`,
      'access-companion@tiktok-ads.local',
    );
    expect(firefox.origin).toBe('moz-extension://0b9f3c0e-1111-4222-8333-944455556666');
  });

  it('makes unguessable tokens', () => {
    const a = newToken();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newToken()).not.toBe(a);
  });

  it('sends the panel state as data only (no functions cross to the frame)', () => {
    const state = panelState(createOverlayStore('bc-members').getState());
    expect(Object.values(state).some((v) => typeof v === 'function')).toBe(false);
    expect(state.pageKind).toBe('bc-members');
    expect(structuredClone(state)).toEqual(state);
  });
});

describe('pageShowsOrg', () => {
  it('agrees with the URL unless the header names another Business Center', () => {
    document.body.innerHTML =
      '<header><span>Business Center ID: 7012345678901234567</span></header>';
    expect(pageShowsOrg(document, '7012345678901234567')).toBe(true);
    expect(pageShowsOrg(document, '7098765432109876543')).toBe(false);
    document.body.innerHTML = '<header><span>Northwind Outdoor</span></header>';
    expect(pageShowsOrg(document, '7098765432109876543')).toBe(true);
  });
});

describe('the panel choices', () => {
  it('the agent reads what the frame remembered through the versioned item', async () => {
    expect(await readOverlayPrefs()).toEqual({
      collapsed: false,
      side: 'right',
      sideChosen: false,
      closedOn: [],
    });
    const members = pageKey(new URL('https://business.tiktok.com/manage/users/members/?org_id=1'));
    expect(members).toBe('1|/manage/users/members');
    await rememberPrefs({ collapsed: true }, members);
    // Collapsing chose no side; moving the panel did.
    expect((await readOverlayPrefs()).sideChosen).toBe(false);
    await rememberPrefs({ side: 'left' }, members);
    await rememberPrefs({ closed: true }, members);
    expect(await overlayPrefs.getValue()).toEqual({
      collapsed: true,
      side: 'left',
      sideChosen: true,
      closedOn: [members],
    });
    expect(await readOverlayPrefs()).toEqual(await overlayPrefs.getValue());
  });

  it('reads malformed stored choices as the defaults', async () => {
    await fakeBrowser.storage.local.set({
      'overlay-prefs': { collapsed: 'yes', side: 'up', closedOn: [1, 'a|/b'] },
    });
    expect(await readOverlayPrefs()).toEqual({
      collapsed: false,
      side: 'right',
      sideChosen: false,
      closedOn: ['a|/b'],
    });
  });
});

describe('the companion frame in the page', () => {
  afterEach(() => vi.useRealTimers());

  /** A reading of a Members page whose table shows `rows` rows (none: the table not up yet). */
  const reading = (rows: number): AgentReading => ({
    pageKind: 'bc-members',
    orgId: null,
    bcName: null,
    table: {
      loading: rows === 0,
      tables:
        rows === 0
          ? []
          : [
              {
                headers: ['Name', 'Role', 'Status'],
                columns: ['name', 'bcRole', 'status'],
                kind: 'bc-members',
                strays: 0,
                headless: false,
                unrecognised: [],
                rows: Array.from({ length: rows }, (_, i) => [
                  [`Person ${i}`],
                  ['Admin'],
                  ['Active'],
                ]),
                rowIndexes: Array.from({ length: rows }, () => null),
                rowStyles: Array.from({ length: rows }, () => null),
                holderStyle: null,
                rowCounts: [null],
                pager: { texts: [], nextDisabled: [] },
              },
            ],
    },
  });

  /**
   * A dock in a fresh document, and its frame (under the host's closed shadow root); `inWindow`:
   * in this test's own document instead, whose window the frame is placed in. `frameAnswers`:
   * the frame answers each 'place' at once with what placePanel makes of it, as the companion
   * page does.
   */
  function dockInPage({ inWindow = false, frameAnswers = true } = {}) {
    const doc = inWindow ? document : document.implementation.createHTMLDocument('t');
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const store = createOverlayStore('bc-members');
    const dock = new CompanionDock(doc, store, () => {}, {
      // Nothing to load here: the frame's document is not under test.
      url: 'about:blank',
      origin: 'null',
    });
    dock.mount();
    const shadow = attach.mock.results[0]!.value as ShadowRoot;
    const frame = shadow.querySelector('iframe')!;
    const spot = shadow.querySelector<HTMLElement>('[data-testid=companion-spotlight]')!;
    // What the frame posts over its port: here, straight to the dock.
    const fromFrame = (data: unknown) =>
      (dock as unknown as { receive(data: unknown): void }).receive(data);
    if (frameAnswers) {
      (dock as unknown as { port: Pick<MessagePort, 'postMessage' | 'close'> }).port = {
        postMessage: (message: { kind?: string; input?: PlaceInput }) => {
          if (message.kind === 'place' && message.input)
            fromFrame({ kind: 'placed', placement: placePanel(message.input) });
        },
        close: () => {},
      };
    }
    /** A pointer pressed on the page's body, or released there (as the browser dispatches them). */
    const pointer = (type: 'pointerdown' | 'pointerup' | 'pointercancel', pointerId = 1) =>
      doc.body.dispatchEvent(new PointerEvent(type, { pointerId, bubbles: true, composed: true }));
    const shown = () => frame.style.getPropertyValue('visibility') !== 'hidden';
    /** Where the frame stands: its side and its top. */
    const place = () => ({
      left: frame.style.getPropertyValue('left'),
      right: frame.style.getPropertyValue('right'),
      top: frame.style.getPropertyValue('top'),
    });
    return { doc, dock, frame, spot, store, fromFrame, pointer, shown, place };
  }

  it('shows once, in its place, when it has its size and the page was read with its table', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { dock, frame, fromFrame } = dockInPage({ frameAnswers: false });
    const shown = () => frame.style.getPropertyValue('visibility') !== 'hidden';
    expect(shown()).toBe(false);
    fromFrame({ kind: 'size', width: 348, height: 500 });
    expect(shown()).toBe(false); // the page not read yet
    dock.tell({ kind: 'reading', reading: reading(0) });
    expect(shown()).toBe(false); // read before the late table came
    dock.tell({ kind: 'reading', reading: reading(3) });
    expect(shown()).toBe(false); // not told yet where it goes
    fromFrame({ kind: 'placed', placement: { side: 'left', top: 40, height: 300 } });
    expect(shown()).toBe(true);
    // Where the frame answered it goes: the left side, 40 px down, 300 px high.
    expect(frame.style.getPropertyValue('left')).toBe('16px');
    expect(frame.style.getPropertyValue('right')).toBe('auto');
    expect(frame.style.getPropertyValue('top')).toBe('40px');
    expect(frame.style.getPropertyValue('height')).toBe('300px');
    dock.destroy();
  });

  it('hands a frame that connects late the route, the reading and the Members tables it missed', async () => {
    const { dock, frame } = dockInPage({ frameAnswers: false });
    const tables = reading(2).table!;
    // Told before any frame is connected (TikTok's table is up before the frame has loaded).
    dock.tell({ kind: 'route', orgId: '7012345678901234567' });
    dock.tell({ kind: 'reading', reading: reading(2) });
    dock.tell({ kind: 'members', table: tables, bcName: 'Northwind Outdoor' });
    // The frame's document loads and takes its end of the channel.
    let framePort: MessagePort | undefined;
    Object.defineProperty(frame, 'contentWindow', {
      value: {
        postMessage: (_m: unknown, _o: string, ports: MessagePort[]) => (framePort = ports[0]),
      },
    });
    frame.dispatchEvent(new Event('load'));
    const received: { kind: string; orgId?: string; bcName?: string }[] = [];
    framePort!.onmessage = (event) => received.push(event.data);
    await vi.waitFor(() => expect(received.map((m) => m.kind)).toContain('members'));
    const kinds = received.map((m) => m.kind).filter((k) => k !== 'state' && k !== 'place');
    expect(kinds).toEqual(['route', 'reading', 'members']);
    expect(received.find((m) => m.kind === 'members')?.bcName).toBe('Northwind Outdoor');
    // A new route drops the tables taken on the last one: a frame connecting now gets none.
    dock.tell({ kind: 'route', orgId: '7012345678901234568' });
    received.length = 0;
    frame.dispatchEvent(new Event('load'));
    framePort!.onmessage = (event) => received.push(event.data);
    await vi.waitFor(() => expect(received.map((m) => m.kind)).toContain('reading'));
    expect(received.map((m) => m.kind)).not.toContain('members');
    framePort!.close();
    dock.destroy();
  });

  it('asks the frame where it goes, with what it measured on the page', () => {
    // In a document with a window: its viewport is what the place is weighed in.
    const { dock, fromFrame } = dockInPage({ inWindow: true, frameAnswers: false });
    const asked: unknown[] = [];
    (dock as unknown as { port: Pick<MessagePort, 'postMessage' | 'close'> }).port = {
      postMessage: (message: unknown) => asked.push(message),
      close: () => {},
    };
    fromFrame({ kind: 'size', width: 348, height: 500 });
    const place = asked.find(
      (m): m is { kind: 'place'; input: PlaceInput } => (m as { kind?: string }).kind === 'place',
    );
    expect(place?.input).toMatchObject({
      viewport: { width: window.innerWidth, height: window.innerHeight },
      size: { width: 348, height: 500 },
      side: 'right',
      keep: [],
      squeeze: true,
    });
    // The frame's answer is what placePanel makes of that question.
    fromFrame({ kind: 'placed', placement: placePanel(place!.input) });
    dock.destroy();
  });

  it('shows anyway after a while', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { dock, frame } = dockInPage();
    const shown = () => frame.style.getPropertyValue('visibility') !== 'hidden';
    vi.advanceTimersByTime(REVEAL_AFTER_MS - 1);
    expect(shown()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(shown()).toBe(true);
    dock.destroy();
  });

  describe('under a pressed pointer', () => {
    it('waits for the release to show, and shows after the release has done its work', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { dock, fromFrame, pointer, shown } = dockInPage({ inWindow: true });
      pointer('pointerdown');
      fromFrame({ kind: 'size', width: 348, height: 500 });
      dock.tell({ kind: 'reading', reading: reading(3) });
      expect(shown()).toBe(false); // due, but the button is held
      pointer('pointerup');
      // The release's mouseup and click come in the same task, aimed at the page: not yet.
      expect(shown()).toBe(false);
      vi.advanceTimersByTime(0);
      expect(shown()).toBe(true);
      dock.destroy();
    });

    it('after the fallback delay, shows on release where the current reading places it', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { dock, store, pointer, shown, place } = dockInPage({ inWindow: true });
      pointer('pointerdown');
      vi.advanceTimersByTime(REVEAL_AFTER_MS * 2);
      expect(shown()).toBe(false);
      // Placed meanwhile, out of sight: a control to keep clear of at the bottom right.
      store.getState().set({ avoid: [{ top: 700, left: 1000, width: 200, height: 60 }] });
      const placed = place();
      pointer('pointerup');
      vi.advanceTimersByTime(0);
      expect(shown()).toBe(true);
      expect(place()).toEqual(placed);
      dock.destroy();
    });

    it('does not move while pressed; moves once released; the spotlight follows at once', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { dock, store, fromFrame, pointer, place, spot } = dockInPage({ inWindow: true });
      fromFrame({ kind: 'size', width: 348, height: 300 });
      dock.tell({ kind: 'reading', reading: reading(3) });
      const before = place();
      expect(before.right).toBe('16px');
      pointer('pointerdown');
      store.getState().set({ side: 'left', target: { top: 10, left: 10, width: 50, height: 20 } });
      expect(place()).toEqual(before);
      expect(spot.style.getPropertyValue('display')).toBe('block');
      pointer('pointerup');
      vi.advanceTimersByTime(0);
      expect(place().left).toBe('16px');
      expect(place().right).toBe('auto');
      dock.destroy();
    });

    it('waits for every pointer (two fingers), and counts a cancelled press as released', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { dock, store, fromFrame, pointer, place } = dockInPage({ inWindow: true });
      fromFrame({ kind: 'size', width: 348, height: 300 });
      dock.tell({ kind: 'reading', reading: reading(3) });
      const before = place();
      pointer('pointerdown', 1);
      pointer('pointerdown', 2);
      store.getState().set({ side: 'left' });
      pointer('pointerup', 1);
      vi.advanceTimersByTime(10);
      expect(place()).toEqual(before);
      pointer('pointercancel', 2);
      vi.advanceTimersByTime(0);
      expect(place().left).toBe('16px');
      dock.destroy();
    });

    it('takes the next move with no button held for a release the page kept to itself', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { doc, dock, fromFrame, pointer, shown } = dockInPage({ inWindow: true });
      const move = (buttons: number) =>
        doc.body.dispatchEvent(
          new PointerEvent('pointermove', { pointerId: 1, buttons, bubbles: true }),
        );
      pointer('pointerdown');
      fromFrame({ kind: 'size', width: 348, height: 500 });
      dock.tell({ kind: 'reading', reading: reading(3) });
      move(1); // dragging on, the button held
      vi.advanceTimersByTime(10);
      expect(shown()).toBe(false);
      move(0); // the pointerup was stopped by the page; the pointer moves on, released
      vi.advanceTimersByTime(0);
      expect(shown()).toBe(true);
      dock.destroy();
    });

    it('is not held for good by a release the page never hears (the tab hidden meanwhile)', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { doc, dock, pointer, shown } = dockInPage();
      pointer('pointerdown');
      vi.advanceTimersByTime(REVEAL_AFTER_MS);
      expect(shown()).toBe(false);
      doc.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(0);
      expect(shown()).toBe(true);
      dock.destroy();
    });
  });
});
