/**
 * The panel's remembered choices: collapsed or not, which side, and the pages it was closed on.
 * Kept in extension storage (local), small and versioned. The companion frame writes them; the
 * page agent reads them (lib/overlay/prefs-read.ts).
 */
import { storage } from '#imports';
import { OVERLAY_PREFS_FALLBACK, OVERLAY_PREFS_KEY, type OverlayPrefs } from './prefs-read';

export { pageKey, type OverlayPrefs } from './prefs-read';

/** The stored preferences item. */
export const overlayPrefs = storage.defineItem<OverlayPrefs>(`local:${OVERLAY_PREFS_KEY}`, {
  fallback: OVERLAY_PREFS_FALLBACK,
  version: 1,
});

/** Remember a change the user made to the panel on the page with key `key`. */
export async function rememberPrefs(
  change: { collapsed?: boolean; side?: 'left' | 'right'; closed?: boolean },
  key: string,
): Promise<void> {
  const now = await overlayPrefs.getValue();
  await overlayPrefs.setValue({
    collapsed: change.collapsed ?? now.collapsed,
    side: change.side ?? now.side,
    // Stored before the flag existed: a side not chosen.
    sideChosen: change.side !== undefined || now.sideChosen === true,
    closedOn:
      change.closed === true ? [...new Set([...now.closedOn, key])].slice(-200) : now.closedOn,
  });
}
