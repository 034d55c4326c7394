/**
 * One reading of everything the checklists follow, taken after each batch of page changes, as
 * data: the page agent reads it and the checklists' engine in the companion frame weighs it.
 * Success messages already on show when a step began are left out (TikTok leaves a toast up
 * until it is closed, and an old "Invitation sent" must not tick off a new invitation).
 */
import { classifyPage } from './classify';
import { queryAllDeep } from './dom';
import type { FlowState } from './flow';
import { readFlowState } from './flow';
import type { AccessTableReading } from './read-table';
import { readAccessTable } from './read-table';
import type { PageFacts } from './page-facts';
import { NO_PAGE_FACTS, readPageFacts } from './page-facts';
import type { PageKind } from './routes';
import { classifyUrl } from './routes';
import { SELECTORS } from './selectors';

/** What the page shows now, as the checklists' runner reads it after each batch of changes. */
export interface Observation<Table = AccessTableReading> {
  pageKind: PageKind;
  flow: FlowState;
  /** The access table: as read (read-table.ts), or as the page agent takes it (table-data.ts). */
  table: Table;
  /** The dialogs' choices and words (./page-facts.ts). */
  page: PageFacts;
}

/** No dialog open, nothing entered or chosen: the flow as a reading without it has it. */
export const NO_FLOW: FlowState = {
  inviteStep: null,
  emails: [],
  bcRole: null,
  confirmShown: false,
  success: null,
  removeConfirmation: false,
  confirmationCodeStep: false,
};

/** The message elements on show now (toasts, alerts), to mark as already seen. */
export function messageElements(root: Document): Element[] {
  return queryAllDeep(root, SELECTORS.message.alternatives, { shadows: false }).filter(
    (el) => !el.closest('tt-access-companion'),
  );
}

/**
 * Read the page for the checklists; `stale` messages do not count as success. Never throws.
 * `readTable` may give the table's reading (e.g. one of tables kept while they did not change);
 * by default the table is read afresh.
 */
export function observePage(
  root: Document,
  url: URL,
  stale?: WeakSet<Element>,
  {
    flow = true,
    readTable = () => readAccessTable(root),
  }: { flow?: boolean; readTable?: () => AccessTableReading } = {},
): Observation {
  return observeWith(root, url, stale, flow, readTable, (error) => ({
    rows: [],
    complete: false,
    problems: [String(error)],
  }));
}

/**
 * `observePage` with the table as `readTable` gives it (`failed`: what stands for it when that
 * throws); the page agent's, whose table is data for the frame to read (table-data.ts).
 */
export function observeWith<Table>(
  root: Document,
  url: URL,
  stale: WeakSet<Element> | undefined,
  readFlow: boolean,
  readTable: () => Table,
  failed: (error: unknown) => Table,
): Observation<Table> {
  let pageKind = classifyUrl(url);
  if (pageKind === 'bc-other' || pageKind === 'unknown') {
    try {
      pageKind = classifyPage(url, root);
    } catch {
      // unreadable page: keep the URL's answer
    }
  }
  // With no checklist running only the table matters (reconcile): skip the dialogs.
  const flow: FlowState = readFlow ? readFlowState(root) : { ...NO_FLOW };
  if (flow.success && stale) {
    const fresh = messageElements(root).some((el) => !stale.has(el));
    if (!fresh) flow.success = null;
  }
  let table: Table;
  try {
    table = readTable();
  } catch (error) {
    table = failed(error);
  }
  return { pageKind, flow, table, page: readFlow ? readPageFacts(root) : NO_PAGE_FACTS };
}
