/**
 * "Save this page's shape": the structure of a TikTok page with every text replaced by its class,
 * for a user to attach to a bug report when the extension does not understand a page. Tags,
 * roles, ARIA states, class names, data-* attribute names, open shadow roots and what the readers
 * made of each table are kept; every text and every attribute value that can hold text (title,
 * aria-label, placeholder, value, alt, href, ids, data-* values, anything not on the short list of
 * structural attributes) becomes a class such as `email·24`, `digits·19`, `role word·5`,
 * `status word·6` or `words·2·13` (two words, 13 characters). No name, email or ID survives.
 * Pure: it reads the page and changes nothing; nothing is sent anywhere.
 */
import type { Weighing } from './classify';
import { weighEvidence, weighPage } from './classify';
import { fold } from './dom';
import { readAccessTable } from './read-table';
import { findAccessTables } from './table-shape';
import { LABELS } from './selectors';

/** One element of the shape: its tag, structural attributes, classed texts, children. */
export interface ShapeNode {
  tag: string;
  attrs?: Record<string, string>;
  /** The element's own text nodes, each as its class. */
  text?: string[];
  /** An open shadow root's content. */
  shadow?: ShapeNode[];
  children?: ShapeNode[];
}

/** What the readers made of one access table, in structural terms only. */
export interface TableShapeSummary {
  kind: string;
  columns: Array<string | null>;
  rows: number;
  cellsPerRow: number[];
  headless: boolean;
}

/** The saved file's content. */
export interface PageShape {
  format: 'access-companion-page-shape';
  version: 1;
  /** The page's address with its path words kept only where they are TikTok's route names. */
  address: { host: string; path: string[]; query: Record<string, string> };
  title: string;
  /** How the page was classified: each vote (source, kind, weight) and the outcome. */
  classification: {
    kind: string;
    confirmed: boolean;
    votes: Array<{ source: string; kind: string; weight: number }>;
  };
  tables: TableShapeSummary[];
  reading: { rows: number; complete: boolean; problems: number };
  /** Whether the tree was cut short at MAX_NODES elements. */
  truncated: boolean;
  tree: ShapeNode[];
}

/** Elements past this many are left out, so a huge page still gives a file of sensible size. */
const MAX_NODES = 20_000;

/** Attributes whose values are structure, never a user's text, kept as they are. */
const STRUCTURAL = new Set([
  'role',
  'type',
  'tabindex',
  'hidden',
  'disabled',
  'dir',
  'lang',
  'slot',
  'colspan',
  'rowspan',
  'scope',
  'contenteditable',
  'draggable',
  'rel',
  'target',
  'method',
  'autocomplete',
  'inputmode',
]);

/** ARIA attributes holding states and numbers, not text. */
const ARIA_STATES =
  /^aria-(hidden|expanded|selected|checked|current|disabled|modal|level|busy|haspopup|live|orientation|sort|pressed|readonly|required|invalid|multiselectable|rowcount|rowindex|colcount|colindex|setsize|posinset|atomic|relevant|autocomplete)$/;

/** Path words of TikTok's routes, kept in the address; anything else is classed. */
const ROUTE_WORDS = new Set([
  'manage',
  'users',
  'members',
  'member',
  'partners',
  'partner',
  'accounts',
  'adv',
  'detail',
  'tiktok-accounts',
  'select',
  'select-account',
  'login',
  'overview',
  'payment',
  'bills',
  'i18n',
  'dashboard',
  'adgroup',
  'campaign',
  'account',
  'settings',
  'ac',
  'page',
]);

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const DIGITS = /^[0-9][0-9\s.,:/+()-]*$/;

const anyOf = (options: Record<string, readonly string[]>) => Object.values(options).flat();
const ROLE_WORDS = new Set(
  [...anyOf(LABELS.bcRole), ...anyOf(LABELS.financeRole), ...anyOf(LABELS.assetRole)].map(fold),
);
const STATUS_WORDS = new Set(anyOf(LABELS.status).map(fold));
/** Every other word or phrase of TikTok's interface the readers know (headings, columns, buttons). */
const INTERFACE_WORDS = new Set(
  Object.values(LABELS)
    .flatMap((v) =>
      Array.isArray(v) ? v : v instanceof RegExp ? [] : Object.values(v as object).flat(),
    )
    .filter((v): v is string => typeof v === 'string')
    .map(fold),
);

/** The class of a piece of text: what it is and how long, never what it says. */
export function textClass(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return 'blank';
  const folded = fold(t);
  if (EMAIL.test(t)) return `email·${t.length}`;
  if (DIGITS.test(t)) return `digits·${t.replace(/[^0-9]/g, '').length}`;
  if (ROLE_WORDS.has(folded)) return `role word·${t.length}`;
  if (STATUS_WORDS.has(folded)) return `status word·${t.length}`;
  if (INTERFACE_WORDS.has(folded)) return `interface word·${t.length}`;
  const words = t.split(' ').length;
  return `words·${words}·${t.length}`;
}

/** Class names with digit runs replaced, so build hashes stay but numbers in names do not. */
function classNames(value: string): string {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => (/^[A-Za-z_-][\w-]{0,60}$/.test(c) ? c.replace(/[0-9]+/g, '#') : textClass(c)))
    .join(' ');
}

/** An address as route words, classed path parts and query keys with classed values. */
function addressShape(href: string, base: string): PageShape['address'] {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return { host: textClass(href), path: [], query: {} };
  }
  const tiktok = /(^|\.)tiktok\.com$/.test(url.hostname);
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams)
    query[/^[a-z_]{1,30}$/i.test(key) ? key : textClass(key)] = textClass(value);
  return {
    host: tiktok ? url.hostname : textClass(url.hostname),
    path: url.pathname
      .split('/')
      .filter(Boolean)
      .map((part) => (tiktok && ROUTE_WORDS.has(part) ? part : textClass(decodeSafe(part)))),
    query,
  };
}

function decodeSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Inline style reduced to property names with numeric values (virtualized rows use them). */
function styleShape(style: string): string {
  return style
    .split(';')
    .map((decl) => {
      const [property, ...rest] = decl.split(':');
      const name = (property ?? '').trim().toLowerCase();
      if (!/^-?[a-z-]{1,40}$/.test(name)) return '';
      const value = rest.join(':').trim();
      return /^[-0-9.\s%a-z(),#]{0,60}$/i.test(value) && !/url\(/i.test(value)
        ? `${name}:${value}`
        : `${name}:${textClass(value)}`;
    })
    .filter(Boolean)
    .join(';');
}

function attributesOf(el: Element, base: string): Record<string, string> | undefined {
  const attrs: Record<string, string> = {};
  for (const { name, value } of Array.from(el.attributes)) {
    if (name === 'class') attrs.class = classNames(value);
    else if (name === 'style') attrs.style = styleShape(value);
    else if (STRUCTURAL.has(name) || ARIA_STATES.test(name)) attrs[name] = value.slice(0, 40);
    else if (name === 'href' || name === 'src' || name === 'action') {
      const a = addressShape(value, base);
      attrs[name] = JSON.stringify(a);
    } else if (/^[a-z][a-z0-9_.:-]{0,60}$/i.test(name)) attrs[name] = textClass(value);
  }
  // A form field's current value is text the user typed or the page filled in.
  if ((el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && 'value' in el) {
    const value = (el as HTMLInputElement).value;
    if (value) attrs['(value)'] = textClass(value);
  }
  return Object.keys(attrs).length > 0 ? attrs : undefined;
}

/** Our own panel's host: not TikTok's page. */
const OWN_HOSTS = new Set(['TT-ACCESS-COMPANION']);
/** Elements whose content is code or styling, not the page's structure or text. */
const OPAQUE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS']);

function walk(parent: Element | ShadowRoot, base: string, budget: { left: number }): ShapeNode[] {
  const out: ShapeNode[] = [];
  for (const child of Array.from(parent.children)) {
    if (budget.left <= 0) break;
    if (OWN_HOSTS.has(child.tagName)) continue;
    budget.left--;
    const node: ShapeNode = { tag: child.tagName.toLowerCase() };
    const attrs = attributesOf(child, base);
    if (attrs) node.attrs = attrs;
    if (!OPAQUE.has(child.tagName)) {
      const texts = Array.from(child.childNodes)
        .filter((n) => n.nodeType === 3 && (n.textContent ?? '').trim())
        .map((n) => textClass(n.textContent ?? ''));
      if (texts.length > 0) node.text = texts;
      if (child.shadowRoot) node.shadow = walk(child.shadowRoot, base, budget);
      const children = walk(child, base, budget);
      if (children.length > 0) node.children = children;
    }
    out.push(node);
  }
  return out;
}

/**
 * The shape of a page: its structure, with every text as its class and what the readers made of
 * it (classification votes, tables' columns and row counts). Never throws on a page that changes
 * under it; the JSON holds no text from the page.
 */
export function pageShape(doc: Document): PageShape {
  const base = doc.location?.href ?? 'https://business.tiktok.com/';
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    url = new URL('https://business.tiktok.com/');
  }
  let weighing: Weighing;
  try {
    weighing = weighPage(url, doc);
  } catch {
    weighing = weighEvidence(url, null);
  }
  let tables: TableShapeSummary[] = [];
  let reading: PageShape['reading'] = { rows: 0, complete: false, problems: 0 };
  try {
    tables = findAccessTables(doc).map((t) => ({
      kind: t.kind,
      columns: t.columns,
      rows: t.rows.length,
      cellsPerRow: t.rows.map((r) => r.cells.length),
      headless: t.headless,
    }));
    const read = readAccessTable(doc);
    reading = { rows: read.rows.length, complete: read.complete, problems: read.problems.length };
  } catch {
    // A page mid-render: the tree below still says what it looks like.
  }
  const budget = { left: MAX_NODES };
  const tree = doc.documentElement ? walk(doc.documentElement, base, budget) : [];
  return {
    format: 'access-companion-page-shape',
    version: 1,
    address: addressShape(base, base),
    title: textClass(doc.title ?? ''),
    classification: {
      kind: weighing.kind,
      confirmed: weighing.confirmed,
      votes: weighing.votes.map(({ source, kind, weight }) => ({ source, kind, weight })),
    },
    tables,
    reading,
    truncated: budget.left <= 0,
    tree,
  };
}

/** The file name for a page's shape: the kind of page and the time, nothing from the page. */
export function pageShapeFileName(shape: PageShape, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');
  return `tiktok-page-shape-${shape.classification.kind}-${stamp}.json`;
}
