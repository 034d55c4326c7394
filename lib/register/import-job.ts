/**
 * One import of a file, from its bytes to a committed write, with progress and Cancel: the
 * work a Web Worker does so that the register page stays responsive while 100,000 rows are
 * decoded, checked, planned and written ({@link startImport} runs it in
 * `import.worker.ts`; where no Worker exists it runs in-thread, same code).
 *
 * The rules are {@link parseImport} and {@link applyImport}'s; this only drives them. All or
 * nothing holds because `applyImport` writes in one IndexedDB transaction, in chunks: a Cancel
 * during the write throws from the progress callback inside that transaction, which aborts it,
 * so IndexedDB undoes every chunk already written. A Cancel while the file is still being
 * checked stops before anything is written.
 */
import type { RegisterDb } from './db';
import type { ImportIssue, ImportOptions, ImportReport } from './import';
import {
  ImportRefusedError,
  MAX_LISTED_PROBLEMS,
  applyImport,
  decodeImportBytes,
  parseImport,
} from './import';

/** How many problems an import lists; the rest are only counted (a bad backup can hold 500,000). */
export const MAX_LISTED_ISSUES = MAX_LISTED_PROBLEMS;

/** Where an import is. `total` is 0 while the amount of work is not known yet. */
export interface ImportPhase {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

/** How an import ended. */
export type ImportOutcome =
  | { kind: 'imported'; report: ImportReport }
  /** Nothing written: `issues` are the first {@link MAX_LISTED_ISSUES}, `issueCount` all. */
  | { kind: 'failed'; issues: ImportIssue[]; issueCount: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** What an import needs to know besides the file (structured-cloneable, for the worker). */
export type ImportContext = Pick<ImportOptions, 'now' | 'note' | 'defaultCadenceDays'> & {
  /** The file's name, recorded on every event the file brings. */
  fileName?: string;
};

/** Raised inside the write transaction to abort it when the user cancels. */
export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
}

/** `json` for a backup (by extension or type), else `csv`. */
export function importFormatOf(name: string, type: string): 'csv' | 'json' {
  return /\.json$/i.test(name) || type === 'application/json' ? 'json' : 'csv';
}

/** The hooks a running import reports to and asks whether it should stop. */
export interface ImportHooks {
  onPhase?: (phase: ImportPhase) => void;
  cancelled?: () => boolean;
}

/**
 * Decode, check and write one file into `db`. Never throws: every ending is an
 * {@link ImportOutcome}. `cancelled` is asked between steps and between written chunks.
 */
export async function runImport(
  db: RegisterDb,
  bytes: Uint8Array,
  format: 'csv' | 'json',
  ctx: ImportContext,
  hooks: ImportHooks = {},
): Promise<ImportOutcome> {
  const { onPhase, cancelled = () => false } = hooks;
  try {
    onPhase?.({ phase: 'reading', done: 0, total: 0 });
    const text = decodeImportBytes(bytes);
    if (cancelled()) return { kind: 'cancelled' };
    onPhase?.({ phase: 'checking', done: 0, total: 0 });
    const parsed = parseImport(text, format, { fileName: ctx.fileName });
    if (!parsed.ok) {
      return {
        kind: 'failed',
        issues: parsed.problems,
        issueCount: parsed.problems.length + parsed.more,
      };
    }
    if (cancelled()) return { kind: 'cancelled' };
    const total = parsed.plan.format === 'csv' ? parsed.plan.rows.length : 1;
    onPhase?.({ phase: 'writing', done: 0, total });
    const report = await applyImport(db, parsed.plan, {
      now: ctx.now,
      note: ctx.note,
      defaultCadenceDays: ctx.defaultCadenceDays,
      onProgress: (done, all) => {
        // Thrown inside applyImport's transaction: IndexedDB rolls back every chunk written.
        if (cancelled()) throw new ImportCancelledError('The import was cancelled.');
        onPhase?.({ phase: 'writing', done, total: all });
      },
    });
    return { kind: 'imported', report };
  } catch (error) {
    if (error instanceof ImportRefusedError) {
      return {
        kind: 'failed',
        issues: error.problems,
        issueCount: error.problems.length + error.more,
      };
    }
    if (error instanceof ImportCancelledError || (error as Error)?.name === 'AbortError') {
      return cancelled() ? { kind: 'cancelled' } : { kind: 'error', message: String(error) };
    }
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Messages from the page to the import worker. */
export type ImportWorkerRequest =
  | { type: 'start'; bytes: Uint8Array; format: 'csv' | 'json'; ctx: ImportContext }
  | { type: 'cancel' };

/** Messages from the import worker to the page. */
export type ImportWorkerReply =
  { type: 'phase'; phase: ImportPhase } | { type: 'done'; outcome: ImportOutcome };

/** A worker with no import running: started ahead ({@link prepareImportWorker}) or kept after one. */
let idleWorker: Worker | null = null;

function newImportWorker(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Start the import worker before a file is chosen, so that choosing one does not wait for the
 * worker's code (Dexie, zod, the CSV parser: about 250 kB) to load and compile. Nothing is read
 * or written until an import starts. Where no Worker exists, nothing to do.
 */
export function prepareImportWorker(): void {
  if (typeof Worker === 'undefined' || idleWorker) return;
  idleWorker = newImportWorker();
}

/** A running import: its progress goes to `onPhase`; `cancel()` asks it to stop. */
export interface ImportJob {
  done: Promise<ImportOutcome>;
  cancel: () => void;
}

/**
 * Start importing `bytes` in a Web Worker (in-thread where there is none, e.g. in unit tests).
 * The worker opens the register's database itself; the page's live queries see the result when
 * the transaction commits (Dexie tells every context through a BroadcastChannel).
 */
export function startImport(
  bytes: Uint8Array,
  format: 'csv' | 'json',
  ctx: ImportContext,
  onPhase: (phase: ImportPhase) => void,
  openDb: () => RegisterDb,
): ImportJob {
  if (typeof Worker === 'undefined') {
    let stop = false;
    return {
      done: runImport(openDb(), bytes, format, ctx, { onPhase, cancelled: () => stop }),
      cancel: () => {
        stop = true;
      },
    };
  }
  const worker = idleWorker ?? newImportWorker();
  idleWorker = null;
  let writing = false;
  let settle: (outcome: ImportOutcome) => void = () => undefined;
  const done = new Promise<ImportOutcome>((resolve) => {
    settle = (outcome) => {
      worker.onmessage = null;
      worker.onerror = null;
      if (outcome.kind === 'imported' || outcome.kind === 'failed') {
        // Kept, not ended: Dexie tells this page's and every other extension page's live
        // queries of the commit through a BroadcastChannel message, which a worker ended
        // right after its commit may never deliver. The next import reuses it.
        idleWorker?.terminate();
        idleWorker = worker;
      } else worker.terminate();
      resolve(outcome);
    };
  });
  worker.onmessage = (event: MessageEvent<ImportWorkerReply>) => {
    const reply = event.data;
    if (reply.type === 'phase') {
      writing = reply.phase.phase === 'writing';
      onPhase(reply.phase);
    } else settle(reply.outcome);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    settle({ kind: 'error', message: event.message || 'The import worker failed.' });
  };
  // The bytes move to the worker (transferred, not copied).
  const start: ImportWorkerRequest = { type: 'start', bytes, format, ctx };
  worker.postMessage(start, [bytes.buffer]);
  return {
    done,
    cancel: () => {
      // Before the write nothing is in the database: stopping the worker is enough. During
      // the write the worker aborts its transaction itself and answers `cancelled`.
      if (writing) worker.postMessage({ type: 'cancel' } satisfies ImportWorkerRequest);
      else settle({ kind: 'cancelled' });
    },
  };
}
