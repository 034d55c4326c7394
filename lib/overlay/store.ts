// The panel's store (no React): the page agent holds it, the companion frame mirrors it.
import type { StoreApi } from 'zustand/vanilla';
import type { AccountOwnershipView } from '@/lib/messaging/companion';
import type { UrlHint } from './hint';
import type { ReconcileFinding } from './reconcile';
import type { TroubleshootView } from './troubleshoot';
import type { Advice } from '@/lib/tiktok';
import type { ChecklistId, ChecklistProgress, FlowSubject } from '@/lib/checklists';
import type { PageKind } from '@/lib/tiktok/routes';

/** Where the target of the active step is, in viewport coordinates. */
export interface TargetRect {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * The running checklist as the companion frame names it to the page agent (lib/overlay/frame-run.ts):
 * the active step, whose control the agent finds on the page and outlines.
 */
export interface ActiveRun {
  checklist: ChecklistId;
  startedAt: string;
  /** The active step's id; null once every step is done. */
  step: string | null;
  /** Whether the page can prove the active step (else only the user can, "I did this"). */
  proves: boolean;
  /** Whom the flow is about, for the finders that look for their row. */
  subject?: FlowSubject;
}

/**
 * The panel's UI state (Zustand holds UI state only). The page agent's
 * runner writes it; the companion frame receives every change as data and renders it.
 */
export interface OverlayState {
  pageKind: PageKind;
  collapsed: boolean;
  side: 'right' | 'left';
  /**
   * The side the panel is shown on now: the chosen one, or the other while the chosen one would
   * cover the control to use next or what the page opened (the agent places the frame).
   */
  shownSide: 'right' | 'left' | null;
  /** The user put the panel on `side` (it then stays there even over the table's controls). */
  sideChosen: boolean;
  /** Closed for this page (remembered). */
  closed: boolean;
  /** The running checklist's progress: the companion frame's, which runs the engine. */
  progress: ChecklistProgress | null;
  /** The running checklist's active step: the agent's copy of the frame's word (see ActiveRun). */
  run: ActiveRun | null;
  /** Steps whose control could not be found on the page: they offer "I did this". */
  unrecognised: string[];
  target: TargetRect | null;
  /** TikTok's open dialogs and drawers: the panel keeps clear of them when it can. */
  avoid: TargetRect[];
  /**
   * The page's controls on show (the access table's row actions and pager, the navigation's
   * links): the panel would rather not cover them.
   */
  clear: TargetRect[];
  /** The advice shown with the run (the companion frame works it out: lib/overlay/frame-advice.ts). */
  advice: Advice[];
  recordError: string | null;
  /**
   * What the run will write to the register, one line each, while the frame asks the user to
   * confirm it (Record / Not now); null when nothing is asked.
   */
  recordAsk: string[] | null;
  reconcile: ReconcileFinding[];
  /** The troubleshoot checklist's person card, while that checklist runs. */
  troubleshoot: TroubleshootView | null;
  /** Whom a reminder's hint started the running checklist about (a name or email). */
  hintedFor: string | null;
  /**
   * A reminder's hint the agent took off the address bar (lib/overlay/hint.ts), for the frame to
   * look its grant up and start the checklist; null once started, or when there is none.
   */
  hint: UrlHint | null;
  /**
   * The Business Center shown, when the register records it as a client's (loose
   * ends): the panel shows my access there instead of the reconcile card.
   */
  heldBc: AccountOwnershipView | null;
  /**
   * What the page's last reading did to access review decisions (verified, found undone), for the
   * panel to say so; set by the companion frame only, so the agent's store never holds it.
   */
  campaignNews?: CampaignNews | null;
  setPageKind: (kind: PageKind) => void;
  setCollapsed: (collapsed: boolean) => void;
  /** Change what differs; values equal to the current ones (deeply) are kept, and re-render nothing. */
  set: (patch: Partial<Omit<OverlayState, `set${string}`>>) => void;
}

/** Access review decisions a reading of the page verified or found undone. */
export interface CampaignNews {
  verified: number;
  contradicted: number;
}

/** Whether two plain data values (JSON-like: no Dates, Maps or class instances) are equal. */
export function samePlain(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => samePlain(v, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return (
    keys.length === Object.keys(y).length &&
    keys.every((k) => Object.prototype.hasOwnProperty.call(y, k) && samePlain(x[k], y[k]))
  );
}

/**
 * The store as React reads it (zustand's `useStore` needs no more) and as the agent and the frame
 * write it: through the state's own setters.
 */
export type OverlayStore = Pick<
  StoreApi<OverlayState>,
  'getState' | 'getInitialState' | 'subscribe'
>;

/**
 * One store per overlay instance, so tests and remounts start clean. A holder with listeners
 * rather than zustand's `createStore`: the page agent carries it into TikTok's page, and the
 * state's setters are all it writes by.
 */
export function createOverlayStore(pageKind: PageKind): OverlayStore {
  const listeners = new Set<(state: OverlayState, before: OverlayState) => void>();
  const update = (patch: Partial<OverlayState>) => {
    const before = state;
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state, before);
  };
  let state: OverlayState = {
    pageKind,
    collapsed: false,
    side: 'right',
    shownSide: null,
    sideChosen: false,
    closed: false,
    progress: null,
    run: null,
    unrecognised: [],
    target: null,
    avoid: [],
    clear: [],
    advice: [],
    recordError: null,
    recordAsk: null,
    reconcile: [],
    troubleshoot: null,
    hintedFor: null,
    hint: null,
    heldBc: null,
    setPageKind: (kind) => update({ pageKind: kind }),
    setCollapsed: (collapsed) => update({ collapsed }),
    // The runner reports after every batch of page changes; most batches change nothing the
    // panel shows, and keeping the old values keeps React from rendering the panel again.
    set: (patch) => {
      const now = state as unknown as Record<string, unknown>;
      const changed = Object.entries(patch).filter(([k, v]) => !samePlain(now[k], v));
      if (changed.length > 0) update(Object.fromEntries(changed) as Partial<OverlayState>);
    },
  };
  const initial = state;
  return {
    getState: () => state,
    getInitialState: () => initial,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
