/**
 * The property the overlay sets on `window` in the extension's isolated world once it runs in a
 * page. The background reads it before injecting, and a second copy that runs anyway returns at
 * once: one agent per page, following the page's navigations itself.
 */
export const OVERLAY_FLAG = '__accessCompanionOverlay';

type FlagHolder = Record<typeof OVERLAY_FLAG, true | undefined>;

/** Whether the overlay already runs in this window. */
export function overlayRunning(win: Window): boolean {
  return (win as unknown as FlagHolder)[OVERLAY_FLAG] === true;
}

/** Mark (or unmark) the overlay as running in this window. */
export function markOverlayRunning(win: Window, running: boolean): void {
  if (running) (win as unknown as FlagHolder)[OVERLAY_FLAG] = true;
  else delete (win as unknown as Partial<FlagHolder>)[OVERLAY_FLAG];
}
