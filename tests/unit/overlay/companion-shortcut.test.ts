/**
 * The keyboard shortcut into the panel: the background answers its command by asking the tab's
 * page agent to focus the panel, and the page agent's dock gives the focus back to the page on
 * the frame's Escape.
 */
import { describe, expect, it, vi } from 'vitest';
import { createOverlayStore } from '@/lib/overlay/store';
import { FOCUS_COMPANION_COMMAND, registerFocusCommand } from '@/lib/background/commands';
import { CompanionDock } from '@/lib/overlay/dock';
import { isFrameMessage } from '@/lib/overlay/frame-bridge';
import manifestConfig from '@/wxt.config';

type Listener = (command: string, tab?: { id?: number }) => void;

function commands() {
  const listeners = new Set<Listener>();
  return {
    onCommand: {
      addListener: (l: Listener) => listeners.add(l),
      removeListener: (l: Listener) => listeners.delete(l),
    },
    fire: (command: string, tab?: { id?: number }) => listeners.forEach((l) => l(command, tab)),
    listeners,
  };
}

describe('the focus command in the background', () => {
  it('asks the tab the command was pressed on to focus its panel', async () => {
    const c = commands();
    const focusIn = vi.fn(async () => true);
    const activeTab = vi.fn(async () => ({ id: 99 }));
    const remove = registerFocusCommand({ onCommand: c.onCommand, activeTab, focusIn });
    c.fire(FOCUS_COMPANION_COMMAND, { id: 7 });
    await vi.waitFor(() => expect(focusIn).toHaveBeenCalledWith(7));
    expect(activeTab).not.toHaveBeenCalled();
    // Another command is not this one.
    c.fire('_execute_action', { id: 7 });
    await Promise.resolve();
    expect(focusIn).toHaveBeenCalledTimes(1);
    remove();
    expect(c.listeners.size).toBe(0);
  });

  it('falls back to the active tab where the browser names none, and is quiet where no agent runs', async () => {
    const c = commands();
    const focusIn = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    registerFocusCommand({ onCommand: c.onCommand, activeTab: async () => ({ id: 3 }), focusIn });
    c.fire(FOCUS_COMPANION_COMMAND);
    await vi.waitFor(() => expect(focusIn).toHaveBeenCalledWith(3));
  });

  it('is declared in the manifest with a suggested key, and asks for no permission', async () => {
    const manifest = manifestConfig.manifest as (env: { browser: string }) => {
      commands?: Record<string, { suggested_key?: { default?: string } }>;
      permissions?: string[];
    };
    for (const browser of ['chrome', 'firefox']) {
      const m = manifest({ browser });
      expect(m.commands?.[FOCUS_COMPANION_COMMAND]?.suggested_key?.default).toBe('Alt+Shift+K');
      expect(m.permissions).not.toContain('commands');
    }
  });
});

describe('the dock and the keyboard focus', () => {
  function mounted() {
    const store = createOverlayStore('bc-members');
    const dock = new CompanionDock(document, store, vi.fn(), {
      url: 'about:blank',
      origin: 'chrome-extension://abc',
    });
    dock.mount();
    return { store, dock };
  }

  it('the frame may ask to leave (Escape); nothing else new crosses the port', () => {
    expect(isFrameMessage({ kind: 'leave' })).toBe(true);
    expect(isFrameMessage({ kind: 'focus' })).toBe(false); // the agent's word, not the frame's
  });

  it('has no panel to focus before the frame has connected, or while closed for the page', () => {
    const { store, dock } = mounted();
    expect(dock.focusPanel()).toBe(false);
    store.getState().set({ closed: true });
    expect(dock.focusPanel()).toBe(false);
    dock.destroy();
  });
});
