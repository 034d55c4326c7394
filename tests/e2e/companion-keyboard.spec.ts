import type { Page, Worker } from '@playwright/test';
import { BC_MEMBERS_URL } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion } from './pages/companion';

/** What has the keyboard focus in the page's own document (the host, while it is in the panel). */
const pageFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.localName}:${(el.textContent ?? '').trim()}` : '';
  });

/** Whether the keyboard focus is inside the companion frame's document. */
const inPanel = (companion: Companion) =>
  companion.frame().evaluate(() => document.hasFocus() && document.activeElement !== document.body);

/**
 * What is the active element of the companion frame's document (its test id, else its class).
 * After a programmatic focus, headless Chromium reports the frame's document as not focused
 * until the next key press, which then goes on from this element.
 */
const panelFocus = (companion: Companion) =>
  companion
    .frame()
    .evaluate(
      () =>
        document.activeElement?.getAttribute('data-testid') ??
        document.activeElement?.className ??
        '',
    );

/**
 * What the background does when the extension's shortcut is pressed on the tab (the manifest's
 * `commands`; DevTools' key events do not reach the browser's own shortcuts, so the worker sends
 * the message the command sends, in the messaging library's wire format).
 */
async function pressShortcut(worker: Worker, page: Page): Promise<unknown> {
  const url = page.url();
  return worker.evaluate(async (tabUrl) => {
    const [tab] = await chrome.tabs.query({ url: tabUrl.split('#')[0] });
    const message = { id: 1, type: 'background:focusCompanion', data: {}, timestamp: Date.now() };
    const reply = (await chrome.tabs.sendMessage(tab!.id!, message, { frameId: 0 })) as {
      res?: unknown;
    };
    return reply?.res;
  }, url);
}

test('keyboard only: from the page into the panel, start a checklist, and back to the page', async ({
  page,
}, testInfo) => {
  await page.goto(BC_MEMBERS_URL);
  await page.getByText('Records in Total').waitFor();
  const companion = await new Companion(page).ready();
  // The panel says how to come and go by keyboard.
  await expect(companion.panel.getByTestId('keyboard-hint')).toHaveText(
    'Keyboard: Alt+Shift+K brings you here from the page; Esc takes you back.',
  );

  // Tab through TikTok's page: the panel is in the tab order, after the page's own controls.
  let last = '';
  for (let i = 0; i < 120 && !(await inPanel(companion)); i++) {
    const now = await pageFocus(page);
    if (!now.startsWith('tt-access-companion')) last = now;
    await page.keyboard.press('Tab');
  }
  expect(await inPanel(companion)).toBe(true);
  expect(last).not.toBe('');

  // In the panel, on to the first checklist, and start it.
  const first = companion.panel.getByRole('button', { name: 'Add an account manager as a member' });
  for (let i = 0; i < 10; i++) {
    if (await first.evaluate((b) => b === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await companion.expectActive('open-invite');

  // Escape: back where the keyboard was on the page before it came into the panel.
  await page.keyboard.press('Escape');
  await expect.poll(() => inPanel(companion)).toBe(false);
  await expect.poll(() => pageFocus(page)).toBe(last);
  await companion.expectActive('open-invite'); // the run goes on
  await companion.shoot(testInfo, 'keyboard-left-panel');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme });
    test('the shortcut takes the keyboard into the panel, Escape gives it back to the page', async ({
      page,
      serviceWorker,
    }, testInfo) => {
      await page.goto(BC_MEMBERS_URL);
      await page.getByText('Records in Total').waitFor();
      const companion = await new Companion(page).ready();
      const invite = page.getByRole('button', { name: 'Invite Member' });
      await invite.focus();

      expect(await pressShortcut(serviceWorker, page)).toBe(true);
      // The panel as a whole takes the focus (read out by its name), and Tab goes on inside it.
      await expect.poll(() => panelFocus(companion)).toBe('companion-panel');
      await companion.shoot(testInfo, `keyboard-in-panel-${colorScheme}`);
      expect(await axeViolations(companion.frame())).toEqual([]);
      // The page's own focus is on the panel's host; the next Tab goes on inside the panel.
      expect(await pageFocus(page)).toMatch(/^tt-access-companion/);
      await page.keyboard.press('Tab');
      expect(await inPanel(companion)).toBe(true);
      await expect(companion.panel.getByRole('button', { name: /^Move to the / })).toBeFocused();

      await page.keyboard.press('Escape');
      await expect(invite).toBeFocused();

      // Collapsed, the shortcut lands on the launcher.
      await companion.panel.getByRole('button', { name: 'Collapse' }).click();
      await expect(companion.launcher).toBeVisible();
      await invite.focus();
      expect(await pressShortcut(serviceWorker, page)).toBe(true);
      await expect.poll(() => panelFocus(companion)).toBe('ac-launcher');
    });
  });
}

test('the shortcut on a page without the panel does nothing there', async ({
  page,
  serviceWorker,
}) => {
  await page.goto(BC_MEMBERS_URL);
  const companion = await new Companion(page).ready();
  await companion.panel.getByRole('button', { name: 'Close for this page' }).click();
  await expect.poll(() => companion.frameBox()).toBeNull();
  const invite = page.getByRole('button', { name: 'Invite Member' });
  await invite.focus();
  expect(await pressShortcut(serviceWorker, page)).toBe(false);
  await expect(invite).toBeFocused();
});
