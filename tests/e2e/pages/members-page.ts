import type { Locator, Page } from '@playwright/test';
import { BC_MEMBERS_URL } from '../../fixtures/tiktok/replicas.mjs';
import { Companion } from './companion';

/** The Business Center Members replica, served on its real URL, and the overlay on it. */
export class MembersPage {
  /** The host element the page agent mounts the companion under (its shadow root is closed). */
  readonly overlayHost: Locator;
  readonly companion: Companion;

  constructor(readonly page: Page) {
    this.overlayHost = page.locator('tt-access-companion');
    this.companion = new Companion(page);
  }

  /** The companion's panel, in its frame. */
  get panel(): Locator {
    return this.companion.panel;
  }

  async goto(url = BC_MEMBERS_URL): Promise<void> {
    await this.page.goto(url);
  }

  /** Wait until TikTok's table has rendered (it arrives late, behind "Loading…"). */
  async waitForTable(): Promise<void> {
    await this.page.getByText(/Records in Total/).waitFor();
  }

  /** Follow a link in Business Center's side menu (a client-side navigation). */
  async openSection(name: 'Overview' | 'Members' | 'Partners' | 'Ad accounts'): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Business Center' })
      .getByRole('link', { name })
      .click();
  }
}
