/**
 * The visible labels a page is read by, in every language of lib/tiktok/labels: what says which
 * page this is (headings, tabs), what its access tables' columns are (headers, and the role and
 * status words in cells where a header is not known), the Business Center ID's prefix and the
 * "N records in total" line. The watcher, which runs on every TikTok page, reads labels only
 * through this module, which is built from the languages' page words alone, so the flows' words
 * (`LABELS` in selectors.ts, which shares these lists) stay out of its bundle.
 *
 * Each list is the union over the languages, English first, built the first time it is read and
 * then kept (the same array every time): most TikTok pages never read a label.
 */
import type { PageLabelKey } from './labels/types';
import { onLabelsChanged, pageLabelsFor, recordsTotalPatterns } from './labels/page-word-lists';

const lists = new Map<PageLabelKey, readonly string[]>();
const list = (key: PageLabelKey): readonly string[] => {
  let found = lists.get(key);
  if (!found) lists.set(key, (found = pageLabelsFor(key)));
  return found;
};
let patterns: readonly RegExp[] | undefined;
// Words handed over late (the page agent's) make every list anew.
onLabelsChanged(() => {
  lists.clear();
  patterns = undefined;
});

/**
 * "N Records in Total" under a table, with the number captured: every language's patterns, built
 * the first time they are read. A function beside `PAGE_LABELS` rather than one of its getters,
 * so a bundle that never reads a table's paging (the watcher's) leaves the patterns out.
 */
export function recordsTotalLabels(): readonly RegExp[] {
  return (patterns ??= recordsTotalPatterns());
}

export const PAGE_LABELS = {
  get members() {
    return list('members');
  },
  get partners() {
    return list('partners');
  },
  // Column headers.
  get colName() {
    return list('colName');
  },
  get colEmail() {
    return list('colEmail');
  },
  get colStatus() {
    return list('colStatus');
  },
  get colBcRole() {
    return list('colBcRole');
  },
  get colPermission() {
    return list('colPermission');
  },
  get colPartnerName() {
    return list('colPartnerName');
  },
  /** Columns the readers know and need not read (actions, counts of assets). */
  get colIgnored() {
    return list('colIgnored');
  },
  get colBcId() {
    return list('colBcId');
  },
  // Values.
  bcRole: {
    get admin() {
      return list('bcRole.admin');
    },
    get standard() {
      return list('bcRole.standard');
    },
  },
  financeRole: {
    get manager() {
      return list('financeRole.manager');
    },
    get analyst() {
      return list('financeRole.analyst');
    },
  },
  assetRole: {
    get admin() {
      return list('assetRole.admin');
    },
    get operator() {
      return list('assetRole.operator');
    },
    get analyst() {
      return list('assetRole.analyst');
    },
  },
  status: {
    get active() {
      return list('status.active');
    },
    get pending() {
      return list('status.pending');
    },
    get suspended() {
      return list('status.suspended');
    },
    get expired() {
      return list('status.expired');
    },
    get rejected() {
      return list('status.rejected');
    },
  },
  get bcIdPrefix() {
    return list('bcIdPrefix');
  },
} as const;
