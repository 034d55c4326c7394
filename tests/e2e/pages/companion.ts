import type { Locator, Page, TestInfo, Worker } from '@playwright/test';
import { expect } from '@playwright/test';
import { seedGrants } from './seed';

/** The overlay on a TikTok replica: its panel, the checklist's steps, the spotlight. */
export class Companion {
  readonly panel: Locator;
  readonly steps: Locator;
  readonly spotlight: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('companion-panel');
    this.steps = this.panel.locator('ol li[data-step]');
    this.spotlight = page.getByTestId('companion-spotlight');
  }

  step(id: string): Locator {
    return this.panel.locator(`li[data-step="${id}"]`);
  }

  /** Start a checklist from the panel's menu. */
  async start(title: string): Promise<void> {
    const menu = this.panel.getByTestId('checklist-menu');
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
    await this.panel.getByRole('button', { name: title }).click();
    await expect(this.panel.getByTestId('checklist')).toBeVisible();
  }

  /** The step that is current must be `id`, with aria-current="step". */
  async expectActive(id: string, state: 'active' | 'manual' = 'active'): Promise<void> {
    await expect(this.step(id)).toHaveAttribute('data-state', state);
    await expect(this.step(id)).toHaveAttribute('aria-current', 'step');
    await expect(this.panel.locator('li[aria-current="step"]')).toHaveCount(1);
  }

  async expectDone(...ids: string[]): Promise<void> {
    for (const id of ids) await expect(this.step(id)).toHaveAttribute('data-state', 'done');
  }

  /** The spotlight must outline `control` (within a few pixels). */
  async expectSpotlightOn(control: Locator): Promise<void> {
    await expect
      .poll(async () => {
        const [a, b] = await Promise.all([this.spotlight.boundingBox(), control.boundingBox()]);
        if (!a || !b) return Infinity;
        return Math.max(
          Math.abs(a.x + a.width / 2 - (b.x + b.width / 2)),
          Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)),
        );
      })
      .toBeLessThan(3);
  }

  /** The panel must not cover `control`. */
  async expectNotCovering(control: Locator): Promise<void> {
    await expect
      .poll(async () => {
        const [p, c] = await Promise.all([this.panel.boundingBox(), control.boundingBox()]);
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

  /** Save a screenshot of the page with the overlay as a test artifact. */
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
    const [accounts, parties, grants, events] = await Promise.all(
      ['accounts', 'parties', 'grants', 'events'].map(all),
    );
    db.close();
    return { accounts: accounts!, parties: parties!, grants: grants!, events: events! };
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
