import { pageShape } from '@/lib/tiktok/page-shape';

/**
 * Run once in a TikTok tab when the user asks to save the page's shape (the popup asks, the
 * background injects this with `scripting.executeScript`): returns the page's structure with
 * every text replaced by its class. Not a listed content script, so the always-on watcher does
 * not carry it.
 */
export default defineUnlistedScript(() => pageShape(document));
