import type { Frame, Locator, Page, TestInfo, Worker } from '@playwright/test';
import { expect } from '@playwright/test';
import { seedGrants } from './seed';

/** Whether a frame is the companion panel's (an extension page; its URL names companion.html). */
export function isCompanionFrame(frame: Frame): boolean {
  return /^chrome-extension:\/\/[^/]+\/companion\.html/.test(frame.url());
}

/**
 * The companion on a TikTok replica: its frame (an extension page inside a closed shadow root,
 * so found among the page's frames by URL, never through the DOM), the panel and the checklist's
 * steps in it, and the spotlight the page agent draws on the page.
 */
export class Companion {
  constructor(readonly page: Page) {}

  /** The companion frame now (after a reload or navigation it is a new frame). */
  frame(): Frame {
    const frame = this.page.frames().find(isCompanionFrame);
    if (!frame) throw new Error('no companion frame in the page');
    return frame;
  }

  /**
   * Locators in the companion frame as it is now; with no frame in the page, one that matches
   * nothing (so `toHaveCount(0)` holds). Call {@link ready} after a navigation before expecting
   * the panel to show: a locator is bound to the frame it was made in.
   */
  private inFrame(make: (frame: Frame) => Locator): Locator {
    const frame = this.page.frames().find(isCompanionFrame);
    return frame && !frame.isDetached() ? make(frame) : this.page.locator('#no-companion-frame');
  }

  /** Wait until the companion frame is in the page and its panel (or launcher) shows. */
  async ready(): Promise<this> {
    await expect.poll(() => this.page.frames().some(isCompanionFrame)).toBe(true);
    await expect(this.frame().locator('.ac-dock')).toBeVisible();
    // The frame shows in the page once the page has been read (or after a while), in its place:
    // act on the page only once it stands there, as a user would.
    await expect.poll(() => this.frameBox()).not.toBeNull();
    await this.untilStill();
    return this;
  }

  get panel(): Locator {
    return this.inFrame((f) => f.getByTestId('companion-panel'));
  }

  /** The collapsed panel's button. */
  get launcher(): Locator {
    return this.inFrame((f) => f.getByRole('button', { name: 'Access Companion' }));
  }

  /** Wait until the page has no companion frame showing a panel (a route not about access). */
  async expectGone(): Promise<void> {
    await expect
      .poll(async () => {
        const frame = this.page.frames().find(isCompanionFrame);
        if (!frame || frame.isDetached()) return 0;
        return frame
          .getByTestId('companion-panel')
          .count()
          .catch(() => 0);
      })
      .toBe(0);
  }

  get steps(): Locator {
    return this.panel.locator('ol li[data-step]');
  }

  step(id: string): Locator {
    return this.panel.locator(`li[data-step="${id}"]`);
  }

  /** Start a checklist from the panel's list of checklists (offered at once). */
  async start(title: string): Promise<void> {
    await this.panel.getByTestId('checklist-menu').getByRole('button', { name: title }).click();
    await expect(this.panel.getByTestId('checklist')).toBeVisible();
  }

  /** The step that is current must be `id`, with aria-current="step". */
  async expectActive(id: string, state: 'active' | 'manual' = 'active'): Promise<void> {
    await expect(this.step(id)).toHaveAttribute('data-state', state);
    await expect(this.step(id)).toHaveAttribute('aria-current', 'step');
    await expect(this.panel.locator('li[aria-current="step"]')).toHaveCount(1);
  }

  /**
   * Answer the record question: the page proved the run's outcome, and the register is written
   * only when the user chooses Record (or not at all, on Not now).
   */
  async answerRecord(answer: 'Record' | 'Not now' = 'Record'): Promise<void> {
    const question = this.step('record').getByTestId('record-confirm');
    const button = question.getByRole('button', { name: answer, exact: true });
    await button.waitFor();
    await this.untilStill();
    await button.click();
  }

  /**
   * Wait until the frame stands still in the page. The panel moves aside for what the page opens
   * and back when it closes; Playwright waits for an element to stand still inside its frame,
   * not for the frame itself, so a click made while the frame moves lands beside its target.
   */
  async untilStill(): Promise<void> {
    let last = '';
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await this.frameBox());
          const still = now === last;
          last = now;
          return still;
        },
        { intervals: [100] },
      )
      .toBe(true);
  }

  async expectDone(...ids: string[]): Promise<void> {
    for (const id of ids) await expect(this.step(id)).toHaveAttribute('data-state', 'done');
  }

  /** The frame's box in the page (the panel as the page sees it), or null when not shown. */
  async frameBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const element = await this.frame().frameElement();
    return element.boundingBox();
  }

  /**
   * The spotlight's box in the page. It sits in the agent's closed shadow root, which no page
   * script (nor Playwright's selectors) can enter: DevTools' DOM domain, which pierces it, finds it.
   */
  async spotlightBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      type DomNode = {
        nodeId: number;
        attributes?: string[];
        children?: DomNode[];
        shadowRoots?: DomNode[];
      };
      const find = (n: DomNode): DomNode | null => {
        const attrs = n.attributes ?? [];
        for (let i = 0; i < attrs.length; i += 2)
          if (attrs[i] === 'data-testid' && attrs[i + 1] === 'companion-spotlight') return n;
        for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
          const hit = find(c);
          if (hit) return hit;
        }
        return null;
      };
      const spot = find(root as DomNode);
      if (!spot) return null;
      const model = await cdp.send('DOM.getBoxModel', { nodeId: spot.nodeId }).catch(() => null);
      if (!model) return null;
      const [x1, y1, x2, , , y3] = model.model.border;
      return { x: x1!, y: y1!, width: x2! - x1!, height: y3! - y1! };
    } finally {
      await cdp.detach();
    }
  }

  /** The spotlight must outline `control` (within a few pixels). */
  async expectSpotlightOn(control: Locator): Promise<void> {
    await expect
      .poll(async () => {
        const [a, b] = await Promise.all([this.spotlightBox(), control.boundingBox()]);
        if (!a || !b) return Infinity;
        return Math.max(
          Math.abs(a.x + a.width / 2 - (b.x + b.width / 2)),
          Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)),
        );
      })
      .toBeLessThan(3);
  }

  /** The panel (its frame) must not cover `control`. */
  async expectNotCovering(control: Locator): Promise<void> {
    await expect
      .poll(async () => {
        const [p, c] = await Promise.all([this.frameBox(), control.boundingBox()]);
        if (!p || !c) return 'unknown';
        const overlap =
          p.x < c.x + c.width &&
          p.x + p.width > c.x &&
          p.y < c.y + c.height &&
          p.y + p.height > c.y;
        return overlap ? 'covers' : 'clear';
      })
      .toBe('clear');
  }

  /** Save a screenshot of the page with the companion as a test artifact. */
  async shoot(testInfo: TestInfo, name: string): Promise<void> {
    const path = testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  }
}

/** Everything in the register, read from the extension's own IndexedDB in its service worker. */
export async function readRegister(worker: Worker) {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('access-register');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        req.onerror = () => reject(req.error);
      });
    const [accounts, parties, grants, batches] = await Promise.all(
      ['accounts', 'parties', 'grants', 'events'].map(all),
    );
    db.close();
    // The events store holds events several to a record (lib/register/event-batches.ts).
    const events = batches!.flatMap((b) => b.events as Record<string, unknown>[]);
    return { accounts: accounts!, parties: parties!, grants: grants!, events };
  });
}

/** A person's grant to seed the register with, on a Business Center. */
export interface SeedGrant {
  email: string;
  name: string;
  bcRole: 'admin' | 'standard';
  status: 'invited' | 'active' | 'revoked';
  invitedAt: string | null;
}

/** Write a Business Center of mine and people's grants on it straight into the register. */
export async function seedRegister(
  worker: Worker,
  org: { id: string; name: string },
  grants: SeedGrant[],
): Promise<void> {
  await seedGrants(
    worker,
    grants.map((g) => ({
      account: { kind: 'businessCenter', externalId: org.id, name: org.name, ownerBcId: null },
      party: { kind: 'person', name: g.name, email: g.email, bcId: null },
      bcRole: g.bcRole,
      status: g.status,
      invitedAt: g.invitedAt,
    })),
  );
}
