import { create } from 'zustand';
import type { PageKind } from '@/lib/tiktok/routes';

/** The overlay's UI state (house style, pattern 10: Zustand holds UI state only). */
export interface OverlayState {
  pageKind: PageKind;
  collapsed: boolean;
  setPageKind: (kind: PageKind) => void;
  setCollapsed: (collapsed: boolean) => void;
}

/** One store per overlay instance, so tests and remounts start clean. */
export function createOverlayStore(pageKind: PageKind) {
  return create<OverlayState>()((set) => ({
    pageKind,
    collapsed: false,
    setPageKind: (kind) => set({ pageKind: kind }),
    setCollapsed: (collapsed) => set({ collapsed }),
  }));
}

export type OverlayStore = ReturnType<typeof createOverlayStore>;
