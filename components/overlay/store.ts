import { create } from 'zustand';
import type { ReconcileFinding } from '@/lib/overlay/reconcile';
import type { TroubleshootView } from '@/lib/overlay/troubleshoot';
import type { Advice, ChecklistProgress } from '@/lib/tiktok';
import type { PageKind } from '@/lib/tiktok/routes';

/** Where the target of the active step is, in viewport coordinates. */
export interface TargetRect {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** The overlay's UI state (house style, pattern 10: Zustand holds UI state only). */
export interface OverlayState {
  pageKind: PageKind;
  collapsed: boolean;
  side: 'right' | 'left';
  /** Closed for this page (remembered). */
  closed: boolean;
  progress: ChecklistProgress | null;
  /** Steps whose control could not be found on the page: they offer "I did this". */
  unrecognised: string[];
  target: TargetRect | null;
  /** TikTok's open dialogs and drawers: the panel keeps clear of them when it can. */
  avoid: TargetRect[];
  advice: Advice[];
  recordError: string | null;
  reconcile: ReconcileFinding[];
  /** The troubleshoot checklist's person card (issue #6), while that checklist runs. */
  troubleshoot: TroubleshootView | null;
  /** Whom a reminder's hint started the running checklist about (a name or email). */
  hintedFor: string | null;
  setPageKind: (kind: PageKind) => void;
  setCollapsed: (collapsed: boolean) => void;
  set: (patch: Partial<Omit<OverlayState, `set${string}`>>) => void;
}

/** One store per overlay instance, so tests and remounts start clean. */
export function createOverlayStore(pageKind: PageKind) {
  return create<OverlayState>()((set) => ({
    pageKind,
    collapsed: false,
    side: 'right',
    closed: false,
    progress: null,
    unrecognised: [],
    target: null,
    avoid: [],
    advice: [],
    recordError: null,
    reconcile: [],
    troubleshoot: null,
    hintedFor: null,
    setPageKind: (kind) => set({ pageKind: kind }),
    setCollapsed: (collapsed) => set({ collapsed }),
    set: (patch) => set(patch),
  }));
}

export type OverlayStore = ReturnType<typeof createOverlayStore>;
