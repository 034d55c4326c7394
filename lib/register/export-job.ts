/**
 * The full JSON backup, built in a Web Worker (`export.worker.ts`) so that the register page
 * keeps answering while every table is read and written out; where no Worker exists (unit
 * tests) it is built in this thread by the same code. A Blob crosses from the worker to the page
 * as a handle to the same bytes, not a copy.
 */
import type { RegisterDb } from './db';
import { exportBackupBlob } from './export-blob';

/** The message that starts an export: the moment the backup is stamped with. */
export interface ExportWorkerRequest {
  now: Date;
}

/**
 * When each phase of the worker's export ended, on the clock both sides share
 * (`performance.timeOrigin + performance.now()`): the first is the request's arrival.
 */
export type ExportPhases = readonly { phase: string; at: number }[];

/** How the worker's export ended. */
export type ExportWorkerReply =
  { type: 'exported'; blob: Blob; phases: ExportPhases } | { type: 'failed'; message: string };

/** The shared clock of {@link ExportPhases}: epoch milliseconds, sub-millisecond. */
export const phaseClock = (): number => performance.timeOrigin + performance.now();

/**
 * The worker's phases as the page's own `performance.measure` entries (`register export: read`
 * and so on, then `register export: reply` until the page had the Blob), so that a profile or
 * a benchmark of the page sees where an export's time goes.
 */
function measurePhases(posted: number, phases: ExportPhases, replied: number): void {
  if (typeof performance.measure !== 'function') return;
  const onPage = (at: number) => at - performance.timeOrigin;
  let start = posted;
  for (const { phase, at } of [...phases, { phase: 'reply', at: replied }]) {
    performance.measure(`register export: ${phase}`, { start: onPage(start), end: onPage(at) });
    start = at;
  }
}

/** A worker started ahead of the next export ({@link prepareExportWorker}). */
let spareWorker: Worker | null = null;

function newExportWorker(): Worker {
  return new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Start the export worker before the export is asked for, so that the click does not wait for
 * the worker's code to load and compile. Nothing is read until an export starts; each export
 * ends its worker (which held every table), and the next is started ahead the same way.
 */
export function prepareExportWorker(): void {
  if (typeof Worker === 'undefined' || spareWorker) return;
  spareWorker = newExportWorker();
}

/** Every table, read in one transaction, as the `.json` backup file's Blob, built off the page. */
export function exportBackupOffThread(now: Date, openDb: () => RegisterDb): Promise<Blob> {
  if (typeof Worker === 'undefined') return exportBackupBlob(openDb(), now);
  const worker = spareWorker ?? newExportWorker();
  spareWorker = null;
  const posted = phaseClock();
  return new Promise<Blob>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ExportWorkerReply>) => {
      worker.terminate();
      const reply = event.data;
      if (reply.type === 'exported') {
        measurePhases(posted, reply.phases, phaseClock());
        resolve(reply.blob);
      } else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'The export worker failed.'));
    };
    worker.postMessage({ now } satisfies ExportWorkerRequest);
  });
}
