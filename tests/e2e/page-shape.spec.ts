import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { PopupPage } from './pages/extension-pages';
import { MembersPage } from './pages/members-page';

test("the popup saves the page's shape: a file with the page's structure and none of its text", async ({
  page,
  context,
  serviceWorker,
  extensionId,
}) => {
  const members = new MembersPage(page);
  await members.goto();
  await members.waitForTable();
  const popup = await PopupPage.openFor(
    page,
    context,
    serviceWorker,
    extensionId,
    'Business Center · Members',
  );
  const [download] = await Promise.all([
    popup.page.waitForEvent('download'),
    popup.page.getByRole('button', { name: "Save this page's shape" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tiktok-page-shape-bc-members-[0-9TZ-]+\.json$/);
  const text = await readFile((await download.path())!, 'utf8');
  const shape = JSON.parse(text) as {
    format: string;
    classification: { kind: string; confirmed: boolean };
    tables: Array<{ kind: string; rows: number }>;
  };
  expect(shape.format).toBe('access-companion-page-shape');
  expect(shape.classification).toMatchObject({ kind: 'bc-members', confirmed: true });
  expect(shape.tables).toEqual([expect.objectContaining({ kind: 'bc-members', rows: 10 })]);
  for (const fromPage of ['Riley Chen', 'riley@northwind-outdoor.com', '7012345678901234567'])
    expect(text).not.toContain(fromPage);
  await expect(popup.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
});
