import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as WebextMessaging from '@webext-core/messaging';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SENDER_RULES } from '@/lib/messaging/senders';

// Every message type a listener is registered for, through the protocol's one `onMessage`.
const listened = vi.hoisted(() => [] as string[]);
vi.mock('@webext-core/messaging', async (importOriginal) => {
  const original = await importOriginal<typeof WebextMessaging>();
  return {
    ...original,
    defineExtensionMessaging: (...args: Parameters<typeof original.defineExtensionMessaging>) => {
      const messaging = original.defineExtensionMessaging(...args);
      return {
        ...messaging,
        onMessage: ((type: string, handler: never) => {
          listened.push(type);
          return messaging.onMessage(type as never, handler);
        }) as typeof messaging.onMessage,
      };
    },
  };
});

/** The fake browser's events say whether anyone listens (`hasListeners`, not in the browser's types). */
type FakeEvent = { hasListeners(): boolean };
const fake = (event: unknown) => event as FakeEvent;

/** The browser events the background must hear. */
const BROWSER_EVENTS: Record<string, () => FakeEvent> = {
  'alarms.onAlarm': () => fake(fakeBrowser.alarms.onAlarm),
  'runtime.onStartup': () => fake(fakeBrowser.runtime.onStartup),
  'runtime.onInstalled': () => fake(fakeBrowser.runtime.onInstalled),
  'notifications.onClicked': () => fake(fakeBrowser.notifications.onClicked),
  'notifications.onClosed': () => fake(fakeBrowser.notifications.onClosed),
  'tabs.onRemoved': () => fake(fakeBrowser.tabs.onRemoved),
  'tabs.onUpdated': () => fake(fakeBrowser.tabs.onUpdated),
};

afterEach(() => {
  listened.length = 0;
  fakeBrowser.reset();
});

describe("the background's wiring", () => {
  it('listens, once its main() has run, for every message sent to it and for no message it sends', async () => {
    const { default: background } = await import('@/entrypoints/background');
    for (const [name, event] of Object.entries(BROWSER_EVENTS)) {
      expect(event().hasListeners(), `${name} before main()`).toBe(false);
    }
    // The fake browser has no commands API: its listener is recorded here instead.
    const onCommand = vi
      .spyOn(fakeBrowser.commands.onCommand, 'addListener')
      .mockImplementation(() => undefined);
    await background.main();
    expect(onCommand).toHaveBeenCalledTimes(1);

    const toBackground = Object.entries(SENDER_RULES)
      .filter(([, rule]) => rule.from.some((kind) => kind !== 'background'))
      .map(([type]) => type)
      .sort();
    const fromBackground = Object.entries(SENDER_RULES)
      .filter(([, rule]) => rule.from.every((kind) => kind === 'background'))
      .map(([type]) => type);
    expect(toBackground.length).toBeGreaterThan(20);
    expect(fromBackground.length).toBeGreaterThan(0);

    expect([...new Set(listened)].sort()).toEqual(toBackground);
    // Each message has exactly one listener: a second would answer the same message twice.
    expect(listened.length).toBe(toBackground.length);
    for (const [name, event] of Object.entries(BROWSER_EVENTS)) {
      expect(event().hasListeners(), name).toBe(true);
    }
  });
});
