import type { BrowserContext, Worker } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import {
  extensionWorker,
  launchWithExtension,
  serveReplicasOnly,
} from '../../scripts/lib/browser.mjs';

export interface NetworkLog {
  /** Web requests refused because no replica answers them (any host, any initiator). */
  blocked: string[];
  /** Web requests the extension itself made (its service worker or its own pages). */
  fromExtension: string[];
}

interface Fixtures {
  network: NetworkLog;
  serviceWorker: Worker;
  extensionId: string;
}

/**
 * Every test gets a fresh Chromium profile with the built extension, TikTok's URLs answered by
 * frozen replicas, and a network guard: the test fails if anything tried to reach the network
 * or if the extension itself made a web request.
 */
export const test = base.extend<Fixtures & { context: BrowserContext }>({
  context: async ({ colorScheme }, use) => {
    const context = await launchWithExtension({
      headless: true,
      colorScheme: colorScheme ?? undefined,
    });
    await use(context);
    await context.close();
  },
  network: [
    async ({ context }, use) => {
      const { blocked } = await serveReplicasOnly(context);
      const log: NetworkLog = { blocked, fromExtension: [] };
      context.on('request', (request) => {
        if (!/^https?:/.test(request.url())) return;
        const fromWorker = request.serviceWorker() !== null;
        const frameUrl = fromWorker ? '' : safeFrameUrl(request.frame);
        if (fromWorker || frameUrl.startsWith('chrome-extension://'))
          log.fromExtension.push(request.url());
      });
      await use(log);
      expect(log.fromExtension, 'the extension made web requests').toEqual([]);
      expect(log.blocked, 'requests went to hosts no replica serves').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

function safeFrameUrl(frame: () => { url(): string }): string {
  try {
    return frame().url();
  } catch {
    return ''; // requests of a worker have no frame
  }
}

export { expect };
