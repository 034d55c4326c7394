/**
 * Load a frozen TikTok replica into its own happy-dom window, on its real URL, and let its own
 * script run (routing, late tables, dialogs), so unit tests read the same DOM a user meets.
 */
import { Window } from 'happy-dom';
import { replicaFor } from '../../fixtures/tiktok/replicas.mjs';

export interface ReplicaDom {
  window: Window;
  document: Document;
  url: () => URL;
  /** Let the replica's timers (late tables, row removals) and pending work finish. */
  settle: () => Promise<void>;
  close: () => Promise<void>;
}

/** Options for {@link openReplica}. */
export interface ReplicaOptions {
  /** Wait for the late content (default true). */
  settle?: boolean;
  /**
   * The replica as TikTok might ship it tomorrow: buttons and links whose text is a key here show
   * the value instead, on every render (dialog titles and table text are left as they are).
   */
  renamed?: Readonly<Record<string, string>>;
}

function renameControls(doc: Document, renamed: Readonly<Record<string, string>>): void {
  for (const el of Array.from(doc.querySelectorAll('button, a, [role=button]'))) {
    const to = renamed[el.textContent?.trim() ?? ''];
    if (to !== undefined) el.textContent = to;
  }
}

/** Open the replica served at `url`, with its script run and its late content rendered. */
export async function openReplica(
  url: string,
  { settle = true, renamed }: ReplicaOptions = {},
): Promise<ReplicaDom> {
  const html = replicaFor(url);
  if (html === null) throw new Error(`No replica is served at ${url}`);
  const window = new Window({
    url,
    width: 1280,
    height: 800,
    settings: {
      // The replicas are our own fixtures: their script is what makes them a single-page app.
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      // Late tables wait for a timer; in unit tests that wait is not the point.
      timer: { maxTimeout: 0 },
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: { disableMainFrameNavigation: true },
    },
  });
  if (renamed) {
    // Before the replica's script runs, so even its first render shows the new names.
    const doc = window.document as unknown as Document;
    new window.MutationObserver(() => renameControls(doc, renamed)).observe(window.document, {
      childList: true,
      subtree: true,
    });
  }
  window.document.write(html);
  if (renamed) renameControls(window.document as unknown as Document, renamed);
  const dom: ReplicaDom = {
    window,
    document: window.document as unknown as Document,
    url: () => new URL(window.location.href),
    settle: () => window.happyDOM.waitUntilComplete(),
    close: () => window.happyDOM.close(),
  };
  if (settle) await dom.settle();
  return dom;
}

/** The static HTML of a replica page once its script has rendered it (for mutation tests). */
export async function renderedReplica(url: string): Promise<string> {
  const dom = await openReplica(url);
  const html = dom.document.documentElement.outerHTML;
  await dom.close();
  return html;
}

/** Click the button (or link) whose text is exactly `name` (the `nth` such), and let it react. */
export async function clickByText(d: ReplicaDom, name: string, nth = 0): Promise<void> {
  const found = Array.from(d.document.querySelectorAll('button, a')).filter(
    (b) => b.textContent?.trim() === name,
  );
  const target = found[nth] as HTMLElement | undefined;
  if (!target) throw new Error(`no button "${name}"`);
  target.click();
  await d.settle();
}

/** Type `value` into the field at `selector` as a user would (an `input` event), and settle. */
export async function typeInto(d: ReplicaDom, selector: string, value: string): Promise<void> {
  const field = d.document.querySelector(selector) as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new d.window.Event('input', { bubbles: true }) as unknown as Event);
  await d.settle();
}
