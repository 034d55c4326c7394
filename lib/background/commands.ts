/**
 * The extension's keyboard shortcut (the manifest's `commands`): on a TikTok tab whose page agent
 * shows the companion panel, it moves the keyboard focus into the panel. Escape in the panel
 * gives it back to the page (lib/overlay/dock.ts).
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';

/** The command's name in the manifest. */
export const FOCUS_COMPANION_COMMAND = 'focus-companion';

/** What the handler needs of the browser (the real APIs, or a test's stand-ins). */
export interface FocusCommandDeps {
  onCommand: {
    addListener(listener: (command: string, tab?: { id?: number }) => void): void;
    removeListener(listener: (command: string, tab?: { id?: number }) => void): void;
  };
  /** The active tab of the focused window, for a browser that names no tab with the command. */
  activeTab: () => Promise<{ id?: number } | undefined>;
  /** Ask the tab's page agent to focus the panel; true when there was one to focus. */
  focusIn: (tabId: number) => Promise<boolean>;
}

const defaultDeps = (): FocusCommandDeps => ({
  onCommand: browser.commands.onCommand,
  activeTab: async () =>
    (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0] ?? undefined,
  // The agent runs in the tab's top frame (the watcher that asks for it runs only there).
  focusIn: (tabId) => sendMessage('background:focusCompanion', {}, { tabId, frameId: 0 }),
});

/** Answer the shortcut. Call once, synchronously, from the worker's main(); returns its remover. */
export function registerFocusCommand(deps: FocusCommandDeps = defaultDeps()): () => void {
  const listener = (command: string, tab?: { id?: number }) => {
    if (command !== FOCUS_COMPANION_COMMAND) return;
    void (async () => {
      const tabId = tab?.id ?? (await deps.activeTab())?.id;
      if (tabId === undefined) return;
      try {
        await deps.focusIn(tabId);
      } catch {
        // No page agent in that tab (not a TikTok access page): the shortcut does nothing there.
      }
    })();
  };
  deps.onCommand.addListener(listener);
  return () => deps.onCommand.removeListener(listener);
}
