/**
 * The table reader's problems, in plain words: what it could not read, and how it read what it
 * did (lib/tiktok/read-table.ts, ./email-text.ts). Each is a function of what it names, so the page agent's build
 * can carry them as codes instead (./table-problems-coded.ts, resolved by
 * scripts/build/agent-delivered-labels.ts): the agent on TikTok's page needs to know that a
 * problem exists, not its sentence, and the companion frame turns the codes back into these
 * words ({@link tableProblemText}).
 */

/** What a column's cells hold, in words, for the problems that say how it was read. */
const CELL_WORDS: Record<string, string> = {
  email: 'email addresses',
  person: 'names with email addresses',
  bcRole: 'Business Center roles',
  assetRole: 'ad account permissions',
  eitherRole: 'roles',
  status: 'statuses',
  count: 'counts of assets',
  id: 'Business Center IDs',
  actions: 'buttons',
  words: 'names',
};

const COLUMN_WORDS: Record<string, string> = {
  name: 'name',
  partnerName: "partner's name",
  email: 'email',
  status: 'status',
  bcRole: 'role',
  permission: 'permission',
  bcId: 'Business Center ID',
  ignored: 'actions',
};

/** Why a table may hold more records than it shows, without a total to say so. */
export type MoreReason = 'nextEnabled' | 'pagerPages' | 'fullPage' | 'pagerSilent';

/** Why only the rows in view were in the page (a virtualized table). */
export type UndrawnReason =
  'rowCountUnknown' | 'rowCount' | 'rowIndexGaps' | 'scrolledOut' | 'drawsInView';

const column = (header: string, index: number) =>
  header
    ? `The column "${header}" is not one the extension knows`
    : `Column ${index + 1} has no heading`;

/** Every problem the reader reports, by name. */
export const TABLE_PROBLEMS = {
  loading: () => 'The table of members or partners is still loading.',
  noTable: () => 'No table of members or partners is shown on this page.',
  unreadable: (why: string) => `The table could not be read (${why}).`,
  noRoleColumn: () => 'The table has no role column.',
  noStatusColumn: () => 'The table has no status column.',
  headless: () =>
    'The table shows no column headings (or none the extension knows); its columns were recognised by what their cells hold.',
  columnReadAs: (header: string, index: number, holds: string, as: string) =>
    `${column(header, index)}; its cells hold ${CELL_WORDS[holds]}, so it was read as the ${COLUMN_WORDS[as]} column.`,
  columnEitherRole: (header: string, index: number) =>
    `${column(header, index)}, and its cells ("Admin") could be a Business Center role or an ad account permission, so it was not read.`,
  strays: (n: number) => `${n} line${n === 1 ? '' : 's'} in the table could not be read as a row.`,
  otherPages: (shown: number, total: number) =>
    `Only ${shown} of ${total} records are shown; the rest are on other pages of the table.`,
  moreRowsThanTotal: (rows: number, total: number) =>
    `The table shows ${rows} rows but says it has ${total} records.`,
  mayHaveMore: (shown: number, reason: MoreReason, n: number) =>
    `The table may have more records than the ${shown} shown: ${
      {
        nextEnabled: 'its next-page control is enabled',
        pagerPages: `its pager shows ${n} pages`,
        fullPage: `it shows a full page of ${n} rows`,
        pagerSilent: 'its pager does not say how many records there are',
      }[reason]
    }.`,
  undrawn: (reason: UndrawnReason, count: number, present: number) =>
    `Only the rows in view could be read: ${
      {
        rowCountUnknown: 'it says it does not know how many rows it has (aria-rowcount −1)',
        rowCount: `it has ${count} rows (aria-rowcount) but only ${present} are in the page`,
        rowIndexGaps:
          'its rows are numbered with gaps (aria-rowindex): rows out of view are not in the page',
        scrolledOut: 'its first rows are scrolled out of view and not in the page',
        drawsInView: 'it draws only the rows in view; the rest are not in the page',
      }[reason]
    }.`,
  repeated: (row: number) => `Row ${row} repeats an earlier row; it was counted once.`,
  misaligned: (row: number) =>
    `Row ${row} could not be read: its cells do not line up with the table's columns.`,
  /** A row's own problem; `detail` is one of the row problems below, or email-text.ts's words. */
  row: (row: number, detail: string) => `Row ${row}: ${detail}`,
  nameCut: (name: string) => `the name "${name}" is cut short on the page.`,
  notEmail: (text: string) => `"${text}" is not an email address.`,
  notBcId: (text: string) => `the partner's Business Center ID "${text}" is not one.`,
  unknownRole: (text: string) => `the role "${text}" is not one the extension knows.`,
  twoBcRoles: () => 'it shows more than one Business Center role.',
  noBcRole: () => 'its Business Center role could not be read.',
  twoFinanceRoles: () => 'it shows more than one finance role.',
  unknownPermission: (text: string) => `the permission "${text}" is not one the extension knows.`,
  unknownStatus: (text: string) => `the status "${text}" is not one the extension knows.`,
  noStatus: () => 'its status could not be read (no status column).',
  namesNoOne: () => 'it names no one.',
  cellEmails: (text: string) =>
    `"${text}" holds more than one email address, so whose row it is cannot be told.`,
  nameEmails: (name: string) => `the name "${name}" holds more than one email address.`,
  nameOtherEmail: (name: string, email: string) =>
    `the name "${name}" looks like an email address other than the row's${email ? ` (${email})` : ''}.`,
} satisfies Record<string, (...args: never[]) => string>;

/** The mark a coded problem starts with (./table-problems-coded.ts). */
export const CODED_PROBLEM = '\u2063problem';

/**
 * A problem in plain words: the page agent's coded problems are spelled out (their codes nest,
 * as a row's problem holds its detail); plain words are returned as they are.
 */
export function tableProblemText(problem: string): string {
  if (!problem.startsWith(CODED_PROBLEM)) return problem;
  try {
    const [name, ...args] = JSON.parse(problem.slice(CODED_PROBLEM.length)) as [
      keyof typeof TABLE_PROBLEMS,
      ...unknown[],
    ];
    const say = TABLE_PROBLEMS[name] as ((...a: unknown[]) => string) | undefined;
    if (!say) return problem;
    return say(...args.map((a) => (typeof a === 'string' ? tableProblemText(a) : a)));
  } catch {
    return problem;
  }
}
