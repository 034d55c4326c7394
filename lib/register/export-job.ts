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

/** How the worker's export ended. */
export type ExportWorkerReply =
  { type: 'exported'; blob: Blob } | { type: 'failed'; message: string };

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
  return new Promise<Blob>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ExportWorkerReply>) => {
      worker.terminate();
      const reply = event.data;
      if (reply.type === 'exported') resolve(reply.blob);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || 'The export worker failed.'));
    };
    worker.postMessage({ now } satisfies ExportWorkerRequest);
  });
}
