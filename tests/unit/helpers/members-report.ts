/**
 * A Members page's report as the companion frame makes it, composed in one step for tests that
 * read replica pages directly: the rows the page shows, its Business Center, and the same
 * following of the table (`followTable`) the page agent runs.
 */
import type { AccessRow } from '@/lib/tiktok';
import { readAccessRows } from '@/lib/tiktok/read-table';
import { readBcName, readBcOrgId } from '@/lib/tiktok/context';
import type { MembersReport } from '@/lib/tiktok/watch';
import { followTable, membersOf, membersSignature } from '@/lib/tiktok/watch';

/**
 * The member rows a Members page shows now (people with an email only), or null. `rows` may give
 * the table's rows as a reader already following the page has them; by default they are read.
 */
export function readMembersReport(
  url: URL,
  doc: Document,
  rows: () => readonly AccessRow[] = () => readAccessRows(doc),
): MembersReport | null {
  const orgId = readBcOrgId(url, doc);
  if (!orgId) return null;
  const members = membersOf(rows());
  if (members.length === 0) return null;
  return { orgId, bcName: readBcName(doc), members };
}

/**
 * On a confirmed Members page, report its member rows now and again whenever they change in a
 * way the register cares about (a row added or gone, a role or status changed, another page of
 * the table): see followTable. `rows` may give the rows as a reader following the page has them
 * (see readMembersReport). Stops with `signal`. Returns at once; never throws.
 */
export function watchMembers(
  url: URL,
  doc: Document,
  report: (members: MembersReport) => void,
  signal: AbortSignal,
  {
    rows,
    ...options
  }: {
    throttleMs?: number;
    changes?: (onRecords: (records: readonly MutationRecord[]) => void) => void;
    rows?: () => readonly AccessRow[];
  } = {},
): void {
  followTable(
    doc,
    () => readMembersReport(url, doc, rows),
    membersSignature,
    report,
    signal,
    options,
  );
}
