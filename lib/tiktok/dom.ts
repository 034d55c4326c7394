/**
 * Small DOM helpers shared by the readers: queries that walk open shadow roots, and the text a
 * user sees in an element (aria-hidden decorations and form internals left out). Pure reads:
 * nothing here changes the page.
 */

/** Where a query can start: a document, a shadow root or an element. */
export type Root = Document | ShadowRoot | Element;

/** Every open shadow root under `root`, depth first (closed ones cannot be seen, by design). */
function shadowRoots(root: Root, found: ShadowRoot[] = []): ShadowRoot[] {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const shadow = el.shadowRoot;
    if (shadow) {
      found.push(shadow);
      shadowRoots(shadow, found);
    }
  }
  return found;
}

/**
 * The open shadow roots of a document, kept up to date from its mutation records instead of a
 * walk over the whole DOM on every read: the document is walked once, then only the subtrees that
 * mutations add (and the shadow roots found in them, nested ones too). Roots whose host left the
 * document drop out. `onFound` hears of each new root, so an observer can watch inside it too (a
 * MutationObserver on the document does not see into shadow roots). Hosts `ignore` names (our
 * own overlay) are skipped, with everything under them.
 */
export class ShadowRootTracker {
  private readonly known = new Set<ShadowRoot>();

  constructor(
    root: Document | ShadowRoot | Element,
    private readonly options: {
      onFound?: (shadow: ShadowRoot) => void;
      ignore?: (host: Element) => boolean;
    } = {},
  ) {
    this.scan(root);
  }

  /** Look for new shadow roots in what these mutation records added. */
  update(records: Iterable<MutationRecord>): void {
    for (const record of records) {
      if (record.type !== 'childList') continue;
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType !== 1 || !node.isConnected) continue;
        const el = node as Element;
        if (this.options.ignore?.(el)) continue;
        this.visit(el);
        this.scan(el);
      }
    }
  }

  /** The open shadow roots in the document now (a root nested in another comes after it). */
  roots(): ShadowRoot[] {
    for (const shadow of this.known) if (!shadow.host.isConnected) this.known.delete(shadow);
    return Array.from(this.known);
  }

  private scan(root: Document | ShadowRoot | Element): void {
    for (const el of Array.from(root.querySelectorAll('*'))) this.visit(el);
  }

  private visit(el: Element): void {
    const shadow = el.shadowRoot;
    if (!shadow || this.known.has(shadow) || this.options.ignore?.(el)) return;
    this.known.add(shadow);
    this.options.onFound?.(shadow);
    this.scan(shadow);
  }
}

/** Whether `node` is `root` or inside it, across shadow boundaries. */
function containsDeep(root: Root, node: Node): boolean {
  for (let at: Node | null = node; at;) {
    if (at === root || root.contains(at)) return true;
    const top = at.getRootNode();
    at = top.nodeType === 11 && 'host' in top ? (top as ShadowRoot).host : null;
  }
  return false;
}

/** Where `queryAllDeep` looks besides `root`: every open shadow root, none, or the ones given. */
export type ShadowScope = boolean | { roots: () => readonly ShadowRoot[] };

/** Elements matching any of `selectors`, in document order per root, open shadow roots included. */
export function queryAllDeep(
  root: Root,
  selectors: readonly string[],
  { shadows = true }: { shadows?: ShadowScope } = {},
): Element[] {
  const seen = new Set<Element>();
  const roots: Root[] =
    shadows === true
      ? [root, ...shadowRoots(root)]
      : shadows
        ? [root, ...shadows.roots().filter((s) => s !== root && containsDeep(root, s.host))]
        : [root];
  for (const r of roots) {
    for (const selector of selectors) {
      let matches: Element[];
      try {
        matches = Array.from(r.querySelectorAll(selector));
      } catch {
        continue; // a selector this DOM implementation does not support
      }
      for (const el of matches) seen.add(el);
    }
  }
  return Array.from(seen);
}

/** The first element matching one of `selectors`, trying them in order (newest first). */
export function queryFirst(root: Root, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // unsupported selector: try the next alternative
    }
  }
  return null;
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'OPTION', 'DATALIST']);

/** Whether an element is hidden from users (hidden attribute, aria-hidden, inline display:none). */
export function isHidden(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /display\s*:\s*none/.test(el.getAttribute('style') ?? '')
  );
}

/** Whether `el` or one of its ancestors is hidden from users. */
export function isHiddenDeep(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement)
    if (isHidden(node)) return true;
  return false;
}

/**
 * The pieces of text a user sees in `el`, one per text node, trimmed; decorations hidden with
 * aria-hidden are left out, a <select> counts as its chosen option, and open shadow roots are read.
 */
export function textSegments(el: Element | ShadowRoot, out: string[] = []): string[] {
  const children =
    el instanceof Element && el.shadowRoot ? [el.shadowRoot] : Array.from(el.childNodes);
  for (const node of children) {
    if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
    } else if (node.nodeType === 11) {
      textSegments(node as ShadowRoot, out);
    } else if (node.nodeType === 1) {
      const child = node as Element;
      if (child.tagName === 'SELECT') {
        const select = child as HTMLSelectElement;
        const chosen = select.options[select.selectedIndex];
        const text = chosen?.textContent?.replace(/\s+/g, ' ').trim();
        if (text) out.push(text);
      } else if (!SKIPPED_TAGS.has(child.tagName) && !isHidden(child)) {
        textSegments(child, out);
      }
    }
  }
  return out;
}

/** The text a user sees in `el`, pieces joined by one space. */
export function visibleText(el: Element | ShadowRoot): string {
  return textSegments(el).join(' ');
}

/**
 * Text folded for comparison: Unicode-normalised (NFKC, so full-width forms become ASCII), lower
 * case, single spaces, no bidi or zero-width marks (right-to-left pages carry them).
 */
export function fold(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Bidi controls (LRM, RLM, Arabic letter mark, embeddings, isolates), zero-width characters.
      .replace(/[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase()
      // Turkish dotted capital I lowers to "i" plus a combining dot: compare it as a plain "i".
      .replace(/i\u0307/g, 'i')
  );
}

// The label lists hold every language's words (LABELS, ./labels): each list is folded once and
// kept, instead of folding every label on every comparison. The lists are never mutated.
const foldedLabels = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether `text` is, once folded, one of `labels`. */
export function isLabel(text: string, labels: readonly string[]): boolean {
  let folded = foldedLabels.get(labels);
  if (!folded) {
    folded = new Set(labels.map(fold));
    foldedLabels.set(labels, folded);
  }
  return folded.has(fold(text));
}
