/**
 * What is wrong with an import, row by row. A bad file can hold a problem on every line (a
 * 100,000-row CSV in the wrong format), so only the first {@link MAX_LISTED_PROBLEMS} are kept
 * and the rest are counted.
 */

/** One thing wrong with an import. `line` is the file's line (1 = the header), when known. */
export interface ImportIssue {
  line: number | null;
  /** For a JSON backup, which row: `grants[3]`. */
  where?: string;
  column?: string;
  message: string;
}

/** The most problems an import lists; the rest are only counted. */
export const MAX_LISTED_PROBLEMS = 1000;

/** Problems in the order found: the first {@link MAX_LISTED_PROBLEMS}, and a count of the rest. */
export class ProblemList {
  readonly problems: ImportIssue[] = [];
  /** How many problems were found beyond those listed. */
  more = 0;

  add(issue: ImportIssue): void {
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(issue);
    else this.more++;
  }

  get empty(): boolean {
    return this.problems.length === 0;
  }
}

/** Raised by `applyImport` when the register itself refuses the file; nothing was written. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
  constructor(
    readonly problems: ImportIssue[],
    readonly more: number,
  ) {
    super(
      `Nothing was imported: ${problems.length + more} row(s) conflict with the register (${problems
        .slice(0, 3)
        .map((p) => `${p.line !== null ? `line ${p.line}` : (p.where ?? 'file')}: ${p.message}`)
        .join('; ')}).`,
    );
  }
}
