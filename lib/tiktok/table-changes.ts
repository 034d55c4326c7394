/**
 * Which of the page's changes can change a table's reading: the table reader reads again only
 * after one of them (class names the reader never looks for, a toast, the menu's current item
 * cannot).
 */
import { SELECTORS } from './selectors';

const TABLE_SELECTOR = SELECTORS.table.alternatives.join(',');

/** Class names the reader's selectors look for: only a change to one of these can matter to it. */
const READER_CLASSES: ReadonlySet<string> = new Set(
  [
    SELECTORS.table,
    SELECTORS.gridRow,
    SELECTORS.gridCell,
    SELECTORS.columnHeader,
    SELECTORS.dialog,
    SELECTORS.loading,
  ].flatMap((t) =>
    t.alternatives.flatMap((s) => [...s.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!)),
  ),
);

function classTokens(value: string | null | undefined): Set<string> {
  return new Set((value ?? '').split(/\s+/).filter(Boolean));
}

/** Whether a change of `class` (the record carries the old value) adds or drops a reader class. */
function readerClassChanged(record: MutationRecord): boolean {
  const before = classTokens(record.oldValue);
  const after = classTokens((record.target as Element).getAttribute?.('class'));
  for (const c of before) if (!after.has(c) && READER_CLASSES.has(c)) return true;
  for (const c of after) if (!before.has(c) && READER_CLASSES.has(c)) return true;
  return false;
}

/** The element a table's reading looks around in (for the "N Records in Total" count). */
function surroundings(table: Element): Element {
  let scope = table;
  for (let depth = 0; depth < 4 && scope.parentElement; depth++) scope = scope.parentElement;
  return scope;
}

/** The shadow host of the tree `node` is in, or null in the document itself. */
function hostOf(node: Node): Element | null {
  const top = node.getRootNode();
  return top.nodeType === 11 && 'host' in top ? (top as ShadowRoot).host : null;
}

/** Whether an added node is, or holds, something that might be read as a table. */
function bringsTable(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  try {
    return el.matches(TABLE_SELECTOR) || el.querySelector(TABLE_SELECTOR) !== null;
  } catch {
    return true;
  }
}

/**
 * Whether these page changes could change what was read from `tables` (the elements a reading
 * came from): a change in or around one of them, a change to an ancestor's hidden state, a table
 * added anywhere, or one of them gone. Changes elsewhere (a dialog or a toast at the end of body,
 * the menu's current item) and class names the reader never looks for (hashed build classes)
 * cannot. With no table read, any change could bring one. `class` records must carry old values.
 */
export function tableTouched(
  tables: readonly Element[],
  records: Iterable<MutationRecord>,
): boolean {
  const list = Array.from(records);
  if (list.length === 0) return false;
  if (tables.length === 0 || tables.some((t) => !t.isConnected)) return true;
  const scopes = tables.map(surroundings);
  for (const record of list) {
    if (record.type === 'attributes') {
      const name = record.attributeName;
      // What the reader never reads: the menu's and steps' current item, checkboxes.
      if (name === 'aria-current' || name === 'aria-checked') continue;
      if (name === 'class' && !readerClassChanged(record)) continue;
    }
    const target = record.target;
    // A cell's text may sit in a shadow root (the reader reads open ones): look from each host.
    for (let at: Node | null = target; at; at = hostOf(at))
      if (scopes.some((s) => s.contains(at))) return true;
    if (record.type === 'attributes' && tables.some((t) => target.contains(t))) return true;
    if (record.type === 'childList' && Array.from(record.addedNodes).some(bringsTable)) return true;
  }
  return false;
}
