/**
 * The background's part of "Save this page's shape": only the extension's own pages may ask, only
 * a TikTok tab is read, the unlisted page-shape script is what runs there, and an answer that is
 * not a page shape is not passed on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_SHAPE_SCRIPT, capturePageShape } from '@/lib/background/page-shape';
import { pageShape } from '@/lib/tiktok/page-shape';

const POPUP = fakeBrowser.runtime.getURL('/popup.html');
const NOW = new Date('2026-12-01T22:00:00.000Z');

async function tab(url: string): Promise<number> {
  const created = await fakeBrowser.tabs.create({ url });
  return created.id!;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('capturePageShape', () => {
  it('runs the page-shape script in a TikTok tab and names the file', async () => {
    const tabId = await tab('https://business.tiktok.com/manage/users/members?org_id=70123');
    document.body.innerHTML = '<main><h1>Members</h1><p>riley@example.com</p></main>';
    const shape = pageShape(document);
    const run = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([{ frameId: 0, result: shape, documentId: 'd' }] as never);
    const answer = await capturePageShape(tabId, POPUP, NOW);
    expect(run).toHaveBeenCalledWith({ target: { tabId }, files: [PAGE_SHAPE_SCRIPT] });
    expect(answer).toEqual({
      shape,
      fileName: `tiktok-page-shape-${shape.classification.kind}-2026-12-01T22-00-00Z.json`,
    });
  });

  it('reads no tab that is not TikTok', async () => {
    const tabId = await tab('https://example.com/members');
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    expect(await capturePageShape(tabId, POPUP, NOW)).toEqual({ error: 'not-tiktok' });
    expect(run).not.toHaveBeenCalled();
  });

  it('answers no one but the extension’s own pages', async () => {
    const tabId = await tab('https://business.tiktok.com/manage/users/members');
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    expect(
      await capturePageShape(tabId, 'https://business.tiktok.com/manage/users/members', NOW),
    ).toEqual({ error: 'failed' });
    expect(await capturePageShape(tabId, undefined, NOW)).toEqual({ error: 'failed' });
    expect(run).not.toHaveBeenCalled();
  });

  it('passes on nothing but a page shape', async () => {
    const tabId = await tab('https://ads.tiktok.com/i18n/dashboard');
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([
      { frameId: 0, result: { format: 'something else', text: 'Riley Chen' }, documentId: 'd' },
    ] as never);
    expect(await capturePageShape(tabId, POPUP, NOW)).toEqual({ error: 'failed' });
  });
});
