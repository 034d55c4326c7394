/**
 * The page agent's read-only view of the panel's remembered choices. The agent runs in TikTok's
 * page and stays small: it reads the stored value straight from extension storage (no storage
 * library), and leaves every write to the companion frame, which keeps the versioned item in
 * lib/overlay/prefs.ts.
 */
import { browser } from 'wxt/browser';

/** What the panel remembers between pages and sessions. */
export interface OverlayPrefs {
  collapsed: boolean;
  side: 'left' | 'right';
  /**
   * Whether the user put the panel on its side (with its move button): a chosen side stays
   * even where the other would cover fewer of the page's table controls.
   */
  sideChosen: boolean;
  /** Pages closed by the user, as `orgId|path`. */
  closedOn: string[];
}

/** The choices before the user made any. */
export const OVERLAY_PREFS_FALLBACK: OverlayPrefs = {
  collapsed: false,
  side: 'right',
  sideChosen: false,
  closedOn: [],
};

/** The storage.local key of the item `local:overlay-prefs` (WXT stores an item under its name). */
export const OVERLAY_PREFS_KEY = 'overlay-prefs';

/** The remembered choices, or the fallback for anything missing or malformed. */
export async function readOverlayPrefs(): Promise<OverlayPrefs> {
  try {
    const stored = (await browser.storage.local.get(OVERLAY_PREFS_KEY))[OVERLAY_PREFS_KEY] as
      Partial<OverlayPrefs> | undefined;
    return {
      collapsed:
        typeof stored?.collapsed === 'boolean'
          ? stored.collapsed
          : OVERLAY_PREFS_FALLBACK.collapsed,
      side: stored?.side === 'left' || stored?.side === 'right' ? stored.side : 'right',
      sideChosen: stored?.sideChosen === true,
      closedOn: Array.isArray(stored?.closedOn)
        ? stored.closedOn.filter((k): k is string => typeof k === 'string')
        : [],
    };
  } catch {
    return OVERLAY_PREFS_FALLBACK;
  }
}

/** The key a page is closed under: its Business Center and path (not its query or tab). */
export function pageKey(url: URL): string {
  return `${url.searchParams.get('org_id') ?? ''}|${url.pathname.replace(/\/+$/, '')}`;
}
