/**
 * The backup export's Web Worker: reads every table and builds the `.json` file's Blob off the
 * page's main thread (started by `exportBackupOffThread` in export-job.ts, one worker per
 * export). At 100,000 grants turning the stored rows into objects and the objects into text
 * takes seconds, which the page would otherwise spend frozen. It opens the register's database
 * itself: a worker started by an extension page shares the extension's origin.
 */
import { registerDb } from './db';
import { exportBackupBlob } from './export-blob';
import type { ExportPhases, ExportWorkerReply, ExportWorkerRequest } from './export-job';
import { phaseClock } from './export-job';

/** The worker's global scope, typed by what is used (the project's types are the DOM's). */
const scope = self as unknown as {
  postMessage: (message: ExportWorkerReply) => void;
  onmessage: ((event: MessageEvent<ExportWorkerRequest>) => void) | null;
};

scope.onmessage = (event) => {
  const phases: { phase: string; at: number }[] = [{ phase: 'request', at: phaseClock() }];
  const mark = (phase: string) => phases.push({ phase, at: phaseClock() });
  exportBackupBlob(registerDb(), event.data.now, mark).then(
    (blob) => scope.postMessage({ type: 'exported', blob, phases: phases satisfies ExportPhases }),
    (error: unknown) =>
      scope.postMessage({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
