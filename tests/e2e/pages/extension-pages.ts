import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';
import type { SeedRow } from './seed';
import { seedGrants } from './seed';

abstract class ExtensionPage {
  protected abstract readonly path: string;
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/${this.path}`);
  }
}

/** The toolbar popup, opened as a page. */
export class PopupPage extends ExtensionPage {
  protected readonly path = 'popup.html';
  /**
   * Open the popup for a TikTok tab: as a background tab, so the TikTok page stays the window's
   * active tab, which is the tab a toolbar popup asks about. Waits for the popup to show `label`
   * (the tab's page kind) so the caller sees the popup of that tab.
   */
  static async openFor(
    tiktok: Page,
    context: BrowserContext,
    worker: Worker,
    extensionId: string,
    label: string,
  ): Promise<PopupPage> {
    await tiktok.bringToFront();
    const [page] = await Promise.all([
      context.waitForEvent('page'),
      worker.evaluate(
        (url) => chrome.tabs.create({ url, active: false }).then(() => undefined),
        `chrome-extension://${extensionId}/popup.html`,
      ),
    ]);
    await page.setViewportSize({ width: 380, height: 640 });
    const popup = new PopupPage(page, extensionId);
    await expect(popup.tabContext).toHaveText(label);
    return popup;
  }
  get tabContext(): Locator {
    return this.page.getByTestId('tab-context');
  }
  get rows(): Locator {
    return this.page.getByTestId('popup-list').locator('li');
  }
  get dueRows(): Locator {
    return this.page.getByTestId('due-list').locator('li');
  }
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }
  /** Quick add a person's grant on one of my Business Centers, using the keyboard only. */
  async quickAdd(grant: {
    accountId: string;
    accountName: string;
    name: string;
    email: string;
    agency: string;
  }) {
    const form = this.page.getByTestId('quick-add');
    await this.page.getByRole('button', { name: 'Add a grant' }).click();
    await form.getByLabel('Account ID (digits)').fill(grant.accountId);
    await form.getByLabel('Account name').fill(grant.accountName);
    await form.getByLabel('Name', { exact: true }).fill(grant.name);
    await form.getByLabel('Email').fill(grant.email);
    await form.getByLabel('Agency or company').fill(grant.agency);
    await form.getByLabel('Business Center role').selectOption('standard');
    await form.getByLabel('Ad account permission').selectOption('operator');
    // Enter in a text field submits the form, as a keyboard user would.
    await form.getByLabel('Account name').press('Enter');
  }
}

/** The full-page register. */
export class RegisterPage extends ExtensionPage {
  protected readonly path = 'register.html';
  /**
   * Open the register at a desktop size with `rows` written into it (the page first, so the
   * database exists), and wait until it lists them; returns the grants' ids.
   */
  async openSeeded(worker: Worker, rows: SeedRow[]): Promise<string[]> {
    await this.page.setViewportSize({ width: 1280, height: 900 });
    await this.goto();
    const ids = await seedGrants(worker, rows);
    await this.page.reload();
    await expect(this.rows).toHaveCount(rows.length);
    return ids;
  }
  get emptyState(): Locator {
    return this.page.getByTestId('register-empty');
  }
  get rows(): Locator {
    return this.page.getByTestId('grant-row');
  }
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }
  get detail(): Locator {
    return this.page.getByTestId('grant-detail');
  }
  get importErrors(): Locator {
    return this.page.getByTestId('import-errors');
  }
  get importStatus(): Locator {
    return this.page.getByTestId('import-status');
  }
  async importFile(name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles({
      name,
      mimeType,
      buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    });
  }
  /** Click an export button and return the downloaded file's text. */
  async exportText(button: string): Promise<string> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  /** The rows as text, sorted, to compare two registers. */
  async rowTexts(): Promise<string[]> {
    return (await this.rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).sort();
  }
  async open(who: string): Promise<void> {
    await this.rows.filter({ hasText: who }).getByRole('button', { name: who }).click();
  }
  tab(name: 'People with access to my accounts' | 'Client accounts I hold'): Locator {
    return this.page.getByRole('tab', { name });
  }
  async loadSampleEntries(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load sample entries' }).click();
  }
}

/** The options page. */
export class OptionsPage extends ExtensionPage {
  protected readonly path = 'options.html';
  get backgroundStatus(): Locator {
    return this.page.getByTestId('background-status');
  }
}
