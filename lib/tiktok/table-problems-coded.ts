/**
 * The table reader's problems as codes, for the page agent's build only (resolved in place of
 * ./table-problems.ts by scripts/build/agent-delivered-labels.ts): each problem is its name and
 * what it names, as JSON behind a mark, and the companion frame spells it out with
 * `tableProblemText`. The agent carries none of the sentences.
 */
import type { TABLE_PROBLEMS as WORDS } from './table-problems';
import { CODED_PROBLEM } from './table-problems';

export type { MoreReason, UndrawnReason } from './table-problems';

/** Every problem the reader reports, by name, as a code. */
export const TABLE_PROBLEMS = new Proxy({} as typeof WORDS, {
  get:
    (_, name) =>
    (...args: unknown[]) =>
      CODED_PROBLEM + JSON.stringify([name, ...args]),
});
