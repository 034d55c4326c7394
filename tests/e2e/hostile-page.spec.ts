import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';

/**
 * What TikTok's page (or any script on it) can do to the extension's content scripts: it shares
 * their DOM, and it can know the extension's id (a store id is public).
 */

test('the page hears no "content script started" message with the extension’s id', async ({
  page,
  extensionId,
}) => {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { seenMessages: unknown[] }).seenMessages = seen;
    window.addEventListener('message', (event) => seen.push(event.data));
  });
  const members = new MembersPage(page);
  await members.goto();
  await members.companion.ready();
  await expect(members.panel).toBeVisible();
  const messages = await page.evaluate(
    () => (window as unknown as { seenMessages: unknown[] }).seenMessages,
  );
  expect(JSON.stringify(messages)).not.toContain(extensionId);
  expect(JSON.stringify(messages)).not.toContain('content-script-started');
});

test('a forged "content script started" event stops neither the watcher nor the overlay', async ({
  page,
  extensionId,
}) => {
  const members = new MembersPage(page);
  await members.goto();
  await members.companion.ready();
  await expect(members.panel).toBeVisible();

  // As a hostile script would: the event WXT's contexts listen for, for each content script.
  await page.evaluate((id) => {
    for (const name of ['tiktok-watch', 'overlay']) {
      const type = `${id}:${name}:wxt:content-script-started`;
      const detail = { contentScriptName: name, messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      document.body.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
      // And a "location change" without the URL WXT's own event carries.
      window.dispatchEvent(new Event(`${id}:${name}:wxt:locationchange`));
    }
  }, extensionId);

  // Both still follow the single-page app: the overlay goes and comes back with Members.
  await members.openSection('Overview');
  await expect(page).toHaveURL(/\/manage\/overview\?org_id=/);
  await members.companion.expectGone();
  await members.openSection('Members');
  await members.companion.ready();
  await expect(members.panel).toBeVisible();
  await expect(members.panel).toHaveAttribute('data-page-kind', 'bc-members');
});
