/**
 * The import's Web Worker: decodes, checks, plans and writes a file off the page's main thread
 * (started by `startImport` in import-job.ts, one worker per import). It opens the register's
 * database itself: a worker started by an extension page shares the extension's origin.
 */
import { registerDb } from './db';
import type { ImportWorkerReply, ImportWorkerRequest } from './import-job';
import { runImport } from './import-job';

/** The worker's global scope, typed by what is used (the project's types are the DOM's). */
const scope = self as unknown as {
  postMessage: (message: ImportWorkerReply) => void;
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
};

let cancelled = false;

const reply = (message: ImportWorkerReply) => scope.postMessage(message);

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  void runImport(registerDb(), request.bytes, request.format, request.ctx, {
    onPhase: (phase) => reply({ type: 'phase', phase }),
    cancelled: () => cancelled,
  }).then((outcome) => reply({ type: 'done', outcome }));
};
