/**
 * WXT's content-script context listens to events that TikTok's page can dispatch too: a page
 * must not be able to stop the extension's scripts or feed them a navigation.
 *
 * - **"content script started"**: each new `ContentScriptContext` dispatches
 *   `<extension id>:<entrypoint>:wxt:content-script-started` on `document`, and a running copy of
 *   the same script that hears it stops itself (WXT 0.20, `listenForNewerScripts`). The event
 *   name holds only public things (the extension's store id and the entrypoint's name), and the
 *   page shares the DOM, so a page could send the event and stop the page agent. (The watcher
 *   has no WXT context at all: ./navigations.ts.) WXT has no option to stop listening (its
 *   `noScriptStartedPostMessage` only stops the older `window.postMessage` copy, which also told
 *   every page script the extension's id; the agent sets it). So a capture listener on `window`, which hears the event before the
 *   context's own listener on `document`, stops it while this copy's extension is still alive.
 *   A real newer copy starts only after the extension was reloaded or updated, and then this
 *   copy's `runtime.id` is gone (the same test WXT's `ctx.isInvalid` makes): that event passes.
 * - **"location change"**: `ctx.addEventListener(window, 'wxt:locationchange', …)` listens for an
 *   event of a similar public name. WXT's own event carries the new URL as a `URL` object in the
 *   content script's world; a page's forged event cannot (an isolated world or Firefox's Xray
 *   vision does not see properties a page script sets), so {@link navigatedTo} rejects it.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Whether this copy of the content script still belongs to a running extension. */
function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

/**
 * The event's name as WXT makes it. The static is private in WXT's types but is what the
 * context listens for; the unit test checks that a forged event of this name is stopped, so a
 * WXT update that renames it fails there.
 */
export function scriptStartedEventName(): string {
  return (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
    .SCRIPT_STARTED_MESSAGE_TYPE;
}

/**
 * Keep a page's forged "content script started" event from stopping `ctx`. Call first in
 * `main(ctx)`.
 */
export function ignoreForgedScriptStarts(ctx: ContentScriptContext, win: Window = window): void {
  const type = scriptStartedEventName();
  const guard = (event: Event) => {
    if (extensionAlive()) event.stopImmediatePropagation();
  };
  win.addEventListener(type, guard, { capture: true });
  ctx.onInvalidated(() => win.removeEventListener(type, guard, { capture: true }));
}

/** The URL a `wxt:locationchange` event navigated to, or null for an event WXT did not send. */
export function navigatedTo(event: { newUrl?: unknown }): URL | null {
  return event.newUrl instanceof URL ? event.newUrl : null;
}
