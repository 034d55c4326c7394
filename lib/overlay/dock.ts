// Over 350 lines, one class: mount, place, reveal and the pointer's hold share one frame's state.
/**
 * The page agent's part of the panel: the host element <tt-access-companion> with a CLOSED shadow
 * root holding the companion frame (an extension page, cross-origin to TikTok's scripts, so they
 * can neither read what it shows nor click it) and the spotlight around the active step's control.
 * The agent writes no register text into the page: the spotlight is an empty box, and everything
 * the panel says is rendered inside the frame. Styles are set through the CSSOM, which a page's
 * Content-Security-Policy (style-src) does not block, unlike a <style> element.
 */
import type { OverlayState, OverlayStore } from './store';
import {
  CONNECT,
  isFrameMessage,
  newToken,
  panelState,
  type AgentToFrame,
  type FrameToAgent,
  type PanelState,
} from './frame-bridge';
import { browser } from 'wxt/browser';
import type { Placement } from './placement';
import { OVERLAY_HOST } from './page-changes';
import { ACCESS_PAGE_KINDS } from '../tiktok/routes';
import { hasRows } from '../tiktok/table-data';

/** The frame's size before it reports its own (the panel's width, a header's height). */
const INITIAL_SIZE = { width: 348, height: 56 };
const SPOT_PAD = 4;
/** The frame's height showing the panel's header only (its shadow's margin included). */
const HEADER_HEIGHT = 58;
/**
 * How long the frame may stay out of sight waiting for its size and the page's first reading
 * (see CompanionDock.reveal) before it shows anyway.
 */
export const REVEAL_AFTER_MS = 1500;
/** The state the frame's place and the spotlight follow. */
const PLACED_BY = [
  'pageKind',
  'closed',
  'collapsed',
  'side',
  'sideChosen',
  'target',
  'avoid',
  'clear',
] as const;

/**
 * The state the agent does not post to the frame: what only the frame's place is worked out
 * from, here in the page (the boxes of the page's layers and controls it keeps clear of; the
 * panel shows none of it, and a box per table cell would be copied on the page's thread at every
 * change), and the run, which is the frame's (its progress, and the active step it names here).
 */
const NOT_POSTED: ReadonlySet<string> = new Set(['avoid', 'clear', 'run', 'progress']);

/** The panel's state as the frame shows it: without what only places the frame. */
function shownState(state: Partial<PanelState>): Partial<PanelState> {
  return Object.fromEntries(
    Object.entries(state).filter(([k]) => !NOT_POSTED.has(k)),
  ) as Partial<PanelState>;
}

/**
 * Set inline styles, skipping those already set: every write to the host's style is a mutation
 * TikTok's observers (and ours) would hear, so an unchanged layout writes nothing.
 */
function style(el: HTMLElement, props: Record<string, string>): void {
  for (const [k, v] of Object.entries(props)) {
    if (el.style.getPropertyValue(k) === v && el.style.getPropertyPriority(k) === 'important')
      continue;
    el.style.setProperty(k, v, 'important');
  }
}

/** The extension's short name from its manifest ("Access Companion"), or its full name. */
function productName(): string {
  try {
    const manifest = browser.runtime.getManifest();
    return manifest.short_name ?? manifest.name;
  } catch {
    return 'Access Companion';
  }
}

/** The companion frame in the page, placed beside what the user must see. */
export class CompanionDock {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private spot: HTMLDivElement | null = null;
  private port: MessagePort | null = null;
  /** The page's element that last lost the keyboard focus: where Escape in the panel returns. */
  private returnTo: Element | null = null;
  private size = INITIAL_SIZE;
  /** The frame told its size for the document it loaded. */
  private sized = false;
  /** The page has rendered what the panel is placed around (see reveal). */
  private settled = false;
  /** The frame is on show (see reveal). */
  private shown = false;
  /** The frame answered where it goes (see layout). */
  private placed = false;
  private revealTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * The pointers pressed on the page now (mouse buttons held, fingers down). While one is, the
   * frame neither appears nor moves: a click is a press and a release on the same element, and a
   * frame that came under the pointer in between would take the release, and the page's click
   * with it. What falls due meanwhile waits for the release (see released).
   */
  private readonly pressed = new Set<number>();
  /** A reveal fell due while a pointer was pressed. */
  private revealHeld = false;
  /** A move of the frame fell due while a pointer was pressed. */
  private moveHeld = false;
  private releaseTimer: ReturnType<typeof setTimeout> | null = null;
  /** Stops what is listened to only while a pointer is pressed (see followPresses). */
  private whenAllUp: () => void = () => {};
  private readonly stopStore: () => void;
  private readonly abort = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly store: OverlayStore,
    /** The frame's asks (actions, prefs); its size and the focus the dock handles itself. */
    private readonly onFrame: (
      message: Extract<FrameToAgent, { kind: 'run' | 'focusTarget' | 'prefs' }>,
    ) => void,
    /** Where the companion page is (browser.runtime.getURL) and the origin its document has. */
    private readonly companion: { url: string; origin: string },
  ) {
    this.stopStore = store.subscribe((now, before) => {
      this.publish(now, before);
      if (PLACED_BY.some((k) => now[k] !== before[k])) this.layout();
    });
    this.doc.defaultView?.addEventListener('resize', () => this.layout(), {
      passive: true,
      signal: this.abort.signal,
    });
    // Where the keyboard was on the page before it went into the panel (Tab, a click, the
    // shortcut): the page's element that last lost the focus. (Focus moving into the frame, a
    // document of its own, fires nothing on the host and names no relatedTarget.)
    this.doc.addEventListener(
      'focusout',
      (event) => {
        const from = event.target;
        if (from instanceof Element && from.localName !== OVERLAY_HOST) this.returnTo = from;
      },
      { capture: true, passive: true, signal: this.abort.signal },
    );
    this.followPresses();
  }

  /**
   * Follow the pointers pressed on the page (captured before the page's own handlers see them,
   * passively: nothing is stopped or delayed). A press inside the frame is the frame's document's
   * and is not seen here: the panel's own buttons move it at once.
   */
  private followPresses(): void {
    const on = { capture: true, passive: true, signal: this.abort.signal };
    // On the window, where an event's way through the page begins: the page's own handlers
    // stopping it further down do not keep a press or a release from the dock.
    const first: EventTarget = this.doc.defaultView ?? this.doc;
    const release = (event: Event) => {
      this.pressed.delete((event as PointerEvent).pointerId);
      if (this.pressed.size === 0) this.released();
    };
    // A release the page kept even from the window (a handler of its own there, stopping it):
    // the next move with no button held says so. Listened to only while a pointer is pressed.
    let moves: AbortController | null = null;
    const moved = (event: Event) => {
      if ((event as PointerEvent).buttons === 0) release(event);
    };
    first.addEventListener(
      'pointerdown',
      (event) => {
        this.pressed.add((event as PointerEvent).pointerId);
        if (moves) return;
        moves = new AbortController();
        first.addEventListener('pointermove', moved, { ...on, signal: moves.signal });
      },
      on,
    );
    this.whenAllUp = () => {
      moves?.abort();
      moves = null;
    };
    first.addEventListener('pointerup', release, on);
    // A drag, a scroll by touch or the browser taking the pointer over ends the press too.
    first.addEventListener('pointercancel', release, on);
    // A release the page cannot hear (the window lost the focus, the tab was hidden meanwhile)
    // must not hold the frame for good.
    const lost = () => {
      if (this.pressed.size === 0) return;
      this.pressed.clear();
      this.released();
    };
    this.doc.defaultView?.addEventListener('blur', lost, on);
    this.doc.addEventListener('visibilitychange', lost, on);
  }

  /**
   * Every pointer is up: what fell due meanwhile happens, once the release has done its work on
   * the page (its mouseup and click come in the same task as the pointerup, aimed where the
   * press was), so the frame appears or moves only after the page's click.
   */
  private released(): void {
    this.whenAllUp();
    if (!this.revealHeld && !this.moveHeld) return;
    if (this.releaseTimer !== null) return;
    this.releaseTimer = setTimeout(() => {
      this.releaseTimer = null;
      if (this.pressed.size > 0) return; // pressed again meanwhile: its own release comes
      const reveal = this.revealHeld;
      this.revealHeld = false;
      if (this.moveHeld) {
        this.moveHeld = false;
        this.layout();
      }
      if (reveal) this.reveal(true);
    }, 0);
  }

  get mounted(): boolean {
    return this.host !== null;
  }

  /** Put the host, its closed shadow root, the frame and the spotlight into the page. */
  mount(): void {
    if (this.host) return;
    const doc = this.doc;
    const host = doc.createElement(OVERLAY_HOST);
    const shadow = host.attachShadow({ mode: 'closed' });
    style(host, { all: 'initial', position: 'static', display: 'block' });

    const spot = doc.createElement('div');
    spot.dataset.testid = 'companion-spotlight';
    style(spot, {
      position: 'fixed',
      display: 'none',
      'pointer-events': 'none',
      'border-radius': '6px',
      outline: '3px solid #fe2c55',
      'box-shadow': '0 0 0 4px rgb(255 255 255 / 0.9), 0 0 0 9999px rgb(0 0 0 / 0.18)',
      'z-index': '2147483645',
    });

    const token = newToken();
    const src = this.companion.url;
    const frame = doc.createElement('iframe');
    // The token rides in the fragment: never sent anywhere, readable only by the frame itself.
    frame.src = `${src}#t=${token}`;
    // Screen readers announce the frame by its title: the extension's short name, which is the
    // same in every language. Not through the i18n API: the first message asked for in a content
    // script makes the browser load the message files on the page's thread, at the page's load.
    frame.title = productName();
    // Whatever the page's own defaults for frames, the panel is a borderless box on top.
    style(frame, {
      position: 'fixed',
      border: '0',
      margin: '0',
      padding: '0',
      background: 'transparent',
      'color-scheme': 'normal',
      'z-index': '2147483646',
      width: `${this.size.width}px`,
      height: `${this.size.height}px`,
      bottom: '16px',
      right: '16px',
      // Out of sight until it can be placed for good (see reveal).
      visibility: 'hidden',
    });
    this.sized = this.shown = this.settled = this.placed = false;
    this.revealTimer = setTimeout(() => this.reveal(true), REVEAL_AFTER_MS);
    const origin = this.companion.origin;
    frame.addEventListener(
      'load',
      () => {
        // A fresh channel for each document the frame loads; the old port is closed.
        this.port?.close();
        const channel = new MessageChannel();
        this.port = channel.port1;
        channel.port1.onmessage = (event: MessageEvent<unknown>) => this.receive(event.data);
        frame.contentWindow?.postMessage({ kind: CONNECT, token }, origin, [channel.port2]);
        this.send(shownState(panelState(this.store.getState())));
        // A frame loaded (again) after the page was read gets the route, the last reading and
        // the Members tables too, posted as they were kept: told again, the route would drop
        // the tables taken on it before they are sent.
        for (const kept of [this.route, this.reading, this.members]) {
          if (kept) channel.port1.postMessage(kept);
        }
        // And the question where it goes, asked before it could hear it.
        this.layout();
      },
      { signal: this.abort.signal },
    );
    shadow.append(spot, frame);
    this.host = host;
    this.frame = frame;
    this.spot = spot;
    (doc.body ?? doc.documentElement).append(host);
    this.layout();
  }

  /** Take the panel out of the page (a route that is not about access). */
  remove(): void {
    if (this.revealTimer !== null) clearTimeout(this.revealTimer);
    this.revealTimer = null;
    if (this.releaseTimer !== null) clearTimeout(this.releaseTimer);
    this.releaseTimer = null;
    this.revealHeld = this.moveHeld = false;
    this.port?.close();
    this.port = null;
    this.host?.remove();
    this.host = this.frame = this.spot = null;
  }

  /** Remove it for good (the content script is invalidated). */
  destroy(): void {
    this.remove();
    this.stopStore();
    this.abort.abort();
  }

  /**
   * Move the keyboard focus into the panel (the extension's shortcut); false when there is no
   * panel on show to take it.
   */
  focusPanel(): boolean {
    const frame = this.frame;
    if (!frame || !this.port || this.store.getState().closed) return false;
    // Asked for from the keyboard: the panel shows now, pointer or not.
    this.reveal(true, true);
    frame.focus();
    this.tell({ kind: 'focus' });
    return true;
  }

  /**
   * Give the keyboard focus back to the page (Escape in the panel): to where it was before it
   * came into the panel, or else to the page's document, so that Tab goes on from the panel.
   */
  private leave(): void {
    const back = this.returnTo as HTMLElement | null;
    if (back?.isConnected && typeof back.focus === 'function') {
      back.focus();
      // Taken (the active element is it, or the shadow host it lives in): done.
      if (this.doc.activeElement !== this.host) return;
    }
    this.frame?.blur();
    this.doc.defaultView?.focus();
  }

  private receive(data: unknown): void {
    if (!isFrameMessage(data)) return;
    if (data.kind === 'leave') {
      this.leave();
      return;
    }
    if (data.kind === 'prefs' && data.change.side) this.store.getState().set({ sideChosen: true });
    if (data.kind === 'size') {
      const width = Math.ceil(Number(data.width));
      const height = Math.ceil(Number(data.height));
      if (!(width > 0 && height > 0)) return;
      this.size = { width: Math.min(width, 480), height };
      this.sized = true;
      this.layout();
      this.reveal();
      return;
    }
    if (data.kind === 'placed') {
      this.place(data.placement);
      return;
    }
    this.onFrame(data);
  }

  /**
   * What the agent last read from the page, of which route, and the Members tables taken on it,
   * for a frame that connects later.
   */
  private reading: Extract<AgentToFrame, { kind: 'reading' }> | null = null;
  private route: Extract<AgentToFrame, { kind: 'route' }> | null = null;
  private members: Extract<AgentToFrame, { kind: 'members' }> | null = null;

  private send(patch: Partial<PanelState>): void {
    if (Object.keys(patch).length > 0) this.tell({ kind: 'state', patch });
  }

  /** Tell the frame something (dropped while no frame is connected). */
  tell(message: AgentToFrame): void {
    this.port?.postMessage(message);
    if (message.kind === 'route') {
      this.route = message;
      this.members = null;
    }
    if (message.kind === 'members') this.members = message;
    if (message.kind === 'reading') {
      this.reading = message;
      // Read with its table (TikTok renders it late), or not read at all (the panel collapsed,
      // a header only): what the panel keeps clear of is there to place it by.
      const table = message.reading.table;
      if (!table || hasRows(table)) this.settled = true;
      this.reveal();
    }
  }

  /**
   * Show the frame once it can be placed for good: it has told its size, and the page has been
   * read with its table (the runner looks up what the panel keeps clear of before it hands on
   * its reading), so the panel appears once, in its place, instead of appearing and then moving
   * when the late table comes (a visible jump, and the page's layout done twice); and it has
   * answered where it goes. `now`: show it whatever is still missing ({@link REVEAL_AFTER_MS},
   * the shortcut), where the current reading places it. While a pointer is pressed on the page
   * it waits for the release (see pressed), unless `evenIfPressed` (the shortcut, asked for from
   * the keyboard).
   */
  private reveal(now = false, evenIfPressed = false): void {
    const frame = this.frame;
    if (this.shown || !frame || (!now && !(this.sized && this.settled && this.placed))) return;
    if (this.pressed.size > 0 && !evenIfPressed) {
      this.revealHeld = true;
      return;
    }
    this.shown = true;
    if (this.revealTimer !== null) clearTimeout(this.revealTimer);
    this.revealTimer = null;
    style(frame, { visibility: 'visible' });
  }

  /** Pass on what changed (the store keeps equal values, so unchanged fields keep their identity). */
  private publish(now: OverlayState, before: OverlayState): void {
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(now)) {
      if (NOT_POSTED.has(k) || typeof v === 'function') continue;
      if (v !== (before as unknown as Record<string, unknown>)[k]) patch[k] = v;
    }
    this.send(patch as Partial<PanelState>);
  }

  /** Put the frame where it answered it goes (answers come in the order they were asked for). */
  private place(place: Placement): void {
    const { frame } = this;
    const top = Number(place.top);
    const height = Number(place.height);
    if (!frame || !Number.isFinite(top) || !(height >= 0)) return;
    const side = place.side === 'left' ? 'left' : 'right';
    const viewWidth = this.doc.defaultView?.innerWidth ?? this.size.width;
    const box = {
      width: `${Math.min(this.size.width, viewWidth)}px`,
      height: `${height}px`,
      top: `${top}px`,
      bottom: 'auto',
      left: side === 'left' ? '16px' : 'auto',
      right: side === 'right' ? '16px' : 'auto',
    };
    // On show, the frame does not move under a pressed pointer: the move waits for the release,
    // which asks where it goes again (the spotlight, which takes no pointer, follows at once).
    const moves = Object.entries(box).some(([k, v]) => frame.style.getPropertyValue(k) !== v);
    if (this.shown && moves && this.pressed.size > 0) {
      this.moveHeld = true;
      return;
    }
    style(frame, box);
    const s = this.store.getState();
    const shownSide = side === s.side ? null : side;
    if (s.shownSide !== shownSide) s.set({ shownSide });
    this.placed = true;
    this.reveal();
  }

  /** Ask the frame where it goes for the current state, and place the spotlight. */
  private layout(): void {
    const { frame, spot, host } = this;
    if (!frame || !spot || !host) return;
    const s = this.store.getState();
    const view = this.doc.defaultView;
    // Closed for the page, or kept out of sight on a route that is not about access while a run
    // goes on (the frame follows the run there: lib/overlay/frame-run.ts).
    if (s.closed || !view || !ACCESS_PAGE_KINDS.has(s.pageKind)) {
      style(host, { display: 'none' });
      return;
    }
    style(host, { display: 'block' });
    const keep = [...(s.target ? [s.target] : []), ...s.avoid];
    // The frame weighs the places (see `place`); the agent measures what they are weighed by.
    this.tell({
      kind: 'place',
      input: {
        viewport: { width: view.innerWidth, height: view.innerHeight },
        size: this.size,
        side: s.side,
        keep,
        // A side the user chose stays, over the table's controls too.
        clear: s.sideChosen ? [] : s.clear,
        // With no checklist to follow in it, the table's text counts too.
        squeeze: s.run === null,
        minHeight: HEADER_HEIGHT,
      },
    });

    if (s.target && !s.collapsed) {
      const t = s.target;
      style(spot, {
        display: 'block',
        top: `${t.top - SPOT_PAD}px`,
        left: `${t.left - SPOT_PAD}px`,
        width: `${t.width + SPOT_PAD * 2}px`,
        height: `${t.height + SPOT_PAD * 2}px`,
      });
    } else {
      style(spot, { display: 'none' });
    }
  }
}
