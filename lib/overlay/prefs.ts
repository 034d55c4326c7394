/**
 * The overlay's remembered choices: collapsed or not, which side, and the pages it was closed
 * on. Kept in extension storage (local), which content scripts may use; small and versioned.
 */
import { storage } from '#imports';

/** What the overlay remembers between pages and sessions. */
export interface OverlayPrefs {
  collapsed: boolean;
  side: 'left' | 'right';
  /** Pages closed by the user, as `orgId|path`. */
  closedOn: string[];
}

/** The stored preferences item. */
export const overlayPrefs = storage.defineItem<OverlayPrefs>('local:overlay-prefs', {
  fallback: { collapsed: false, side: 'right', closedOn: [] },
  version: 1,
});

/** The key a page is closed under: its Business Center and path (not its query or tab). */
export function pageKey(url: URL): string {
  return `${url.searchParams.get('org_id') ?? ''}|${url.pathname.replace(/\/+$/, '')}`;
}
