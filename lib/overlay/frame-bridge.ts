/**
 * The private channel between the page agent (content script) and the companion frame (an
 * extension page framed into the tab). The agent creates a MessageChannel and hands one port to
 * the frame with `postMessage(…, extensionOrigin, [port])`, together with a one-time token that
 * only the agent and the frame know (it travels in the frame's URL, which the page cannot read:
 * the frame sits in a closed shadow root and is cross-origin to it). Everything after that goes
 * over the port, which no page script holds; nothing is ever posted to the page with '*'.
 */
import type { ActiveRun, OverlayState } from './store';
import type { PageReading } from './frame-advice';
import type { Observed } from './frame-run';
import type { PlaceInput, Placement } from './placement';
import type { TablesData } from '../tiktok/table-data';

/**
 * What the agent read from the page: a {@link PageReading} whose table is still data (the
 * frame reads it with read-table.ts's `readTablesData`).
 */
export type AgentReading = Omit<PageReading, 'table'> & { table: TablesData | null };

/** The extension page the agent frames into the tab. */
export const COMPANION_PAGE = '/companion.html';

/**
 * The companion page's URL and the origin its document has. Chrome hands out the per-session
 * dynamic URL (`use_dynamic_url`), but the framed document runs under the extension's own id, so
 * that is the origin to post to; Firefox's moz-extension URL is the document's origin already.
 * (URL.origin is "null" for these non-special schemes, hence the spelling out.)
 */
export function companionLocation(
  getURL: (path: typeof COMPANION_PAGE) => string,
  extensionId: string,
): { url: string; origin: string } {
  const url = getURL(COMPANION_PAGE);
  const parsed = new URL(url);
  const host = parsed.protocol === 'chrome-extension:' ? extensionId : parsed.host;
  return { url, origin: `${parsed.protocol}//${host}` };
}

/** The first (and only) window message: the agent hands the frame its port. */
export const CONNECT = 'access-companion:connect';

/** The panel's state as data (the store without its setters). */
export type PanelState = Omit<OverlayState, `set${string}`>;

/**
 * What the agent tells the frame: the panel's state, what it read from the page (for the
 * frame's register checks and, while a run goes on, for the checklists' engine), the route's
 * Business Center, and a panel choice to remember (the frame writes extension storage;
 * `pageKey` names the page a "close for this page" is for).
 */
export type AgentToFrame =
  | { kind: 'state'; patch: Partial<PanelState> }
  /** Take the keyboard focus (the shortcut was pressed on the page). */
  | { kind: 'focus' }
  | { kind: 'reading'; reading: AgentReading }
  /**
   * A Members page's tables, taken again whenever they change, for the held accounts: the frame
   * reads the rows and reports the members to the background for its own tab's Business Center.
   */
  | { kind: 'members'; table: TablesData; bcName: string | null }
  /** The flow as read with the last `reading`'s table, while a run goes on. */
  | { kind: 'observed'; observed: Observed }
  /** A route of this Business Center (from the tab's address): the run is kept under it. */
  | { kind: 'route'; orgId: string | null }
  | { kind: 'remember'; change: PrefsChange; pageKey: string }
  /**
   * Where should the panel go, given what the agent measured on the page? The frame works it out
   * (lib/overlay/placement.ts, pure geometry) and answers `placed`: the agent carries the
   * measuring, not the weighing of places.
   */
  | { kind: 'place'; input: PlaceInput };

/** Where and how the user wants the panel (remembered in lib/overlay/prefs.ts). */
export interface PrefsChange {
  collapsed?: boolean;
  side?: 'left' | 'right';
  closed?: boolean;
}

/**
 * What the frame asks of the agent: the panel's size, to give the focus back to the page
 * (Escape), the run's active step to outline (the frame runs the checklists and writes the
 * register, with the user's confirmation), and to focus that step's control.
 */
export type FrameToAgent =
  | { kind: 'size'; width: number; height: number }
  /** The panel's place for the agent's last `place`. */
  | { kind: 'placed'; placement: Placement }
  | { kind: 'leave' }
  /** The run's active step (null: no run); `read`: read the page again now. */
  | { kind: 'run'; run: ActiveRun | null; read: boolean }
  | { kind: 'focusTarget' }
  | { kind: 'prefs'; change: PrefsChange };

/** Every kind of frame message, checked against the union by the typecheck (none missing, none extra). */
const FRAME_KINDS: ReadonlySet<string> = new Set(
  Object.keys({
    size: true,
    placed: true,
    leave: true,
    run: true,
    focusTarget: true,
    prefs: true,
  } satisfies Record<FrameToAgent['kind'], true>),
);

/** Whether a port message has the shape of a frame message (the port is private; this is belt and braces). */
export function isFrameMessage(data: unknown): data is FrameToAgent {
  return (
    typeof data === 'object' &&
    data !== null &&
    FRAME_KINDS.has(String((data as { kind?: unknown }).kind))
  );
}

/** The store's data fields, without its functions (what can cross to the frame). */
export function panelState(state: OverlayState): PanelState {
  return Object.fromEntries(
    Object.entries(state).filter(([, v]) => typeof v !== 'function'),
  ) as PanelState;
}

/** The hosts whose pages may frame the companion (the manifest's web-accessible matches). */
export { isTikTokOrigin } from '../tiktok/hosts';

/** A fresh unguessable token for one frame. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
