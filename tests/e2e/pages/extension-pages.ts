import type { Locator, Page } from '@playwright/test';

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
  get tabContext(): Locator {
    return this.page.getByTestId('tab-context');
  }
  get withAccessCount(): Locator {
    return this.page.getByTestId('count-total');
  }
}

/** The full-page register. */
export class RegisterPage extends ExtensionPage {
  protected readonly path = 'register.html';
  get emptyState(): Locator {
    return this.page.getByTestId('register-empty');
  }
  get rows(): Locator {
    return this.page.getByTestId('grant-table').locator('tbody tr');
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
