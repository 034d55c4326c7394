import { useEffect, useId, useRef, useState } from 'react';
import { defaultReviewCadence } from '@/lib/settings';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { buildEvidence, evidenceToCsv, evidenceToJson } from '@/lib/register';
import { exportFileName, exportGrantsCsv } from '@/lib/register';
import { exportBackupOffThread, prepareExportWorker } from '@/lib/register';
import type { ImportIssue, ImportReport } from '@/lib/register';
import type { ImportJob, ImportPhase } from '@/lib/register';
import { importFormatOf, prepareImportWorker, startImport } from '@/lib/register';
import { download } from '../shared/download';

type State =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; done: number; total: number; cancellable: boolean }
  /** `errors` are the first problems found; `count` is how many there were in all. */
  | { kind: 'failed'; file: string; errors: ImportIssue[]; count: number }
  | { kind: 'imported'; file: string; report: ImportReport }
  | { kind: 'cancelled'; file: string }
  | { kind: 'error'; message: string };

function workingLabel(phase: ImportPhase, file: string): string {
  return phase.phase === 'writing' ? t('import_writing', file) : t('import_reading', file);
}

const SHOWN_ERRORS = 200;

/** How long after the page opens the workers are started: after its first rows and their read. */
const WORKERS_AFTER_MS = 1500;

const MERGE_KEYS = {
  updated: 'merge_updated',
  unchanged: 'merge_unchanged',
  keptNewer: 'merge_keptNewer',
} as const;

function issueText(issue: ImportIssue): string {
  const where =
    issue.line !== null
      ? t('import_line', issue.line)
      : issue.where
        ? issue.where
        : t('import_file');
  return issue.column
    ? `${where} · ${issue.column}: ${issue.message}`
    : `${where}: ${issue.message}`;
}

/** Import a CSV or backup (all or nothing, every bad row listed), and every export. */
export function ImportExport() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const jobRef = useRef<ImportJob | null>(null);

  // The import and export workers are started ahead, once the page has settled, so that a file
  // chosen or an export asked for does not first wait for a worker's code to load.
  useEffect(() => {
    const prepare = () => {
      prepareImportWorker();
      prepareExportWorker();
    };
    const timer = setTimeout(prepare, WORKERS_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  // Decoding, checking and writing run in a Web Worker (lib/register/import-job.ts), so the
  // page keeps answering while a 100,000-row file is imported; Cancel writes nothing.
  const importFile = async (file: File) => {
    const working = (phase: ImportPhase) =>
      setState({
        kind: 'working',
        label: workingLabel(phase, file.name),
        done: phase.done,
        total: phase.total,
        cancellable: true,
      });
    working({ phase: 'reading', done: 0, total: 0 });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const job = startImport(
        bytes,
        importFormatOf(file.name, file.type),
        {
          now: new Date(),
          note: t('import_eventNote', file.name),
          defaultCadenceDays: await defaultReviewCadence(),
          fileName: file.name,
        },
        working,
        registerDb,
      );
      jobRef.current = job;
      const outcome = await job.done;
      if (outcome.kind === 'imported') {
        setState({ kind: 'imported', file: file.name, report: outcome.report });
      } else if (outcome.kind === 'failed') {
        setState({
          kind: 'failed',
          file: file.name,
          errors: outcome.issues,
          count: outcome.issueCount,
        });
      } else if (outcome.kind === 'cancelled') {
        setState({ kind: 'cancelled', file: file.name });
      } else setState({ kind: 'error', message: outcome.message });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      jobRef.current = null;
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const cancelImport = () => {
    jobRef.current?.cancel();
    setState((s) => (s.kind === 'working' ? { ...s, cancellable: false } : s));
  };

  const exporting = async (what: 'csv' | 'json' | 'evidenceCsv' | 'evidenceJson') => {
    const db = registerDb();
    const now = new Date();
    try {
      if (what === 'csv') {
        download(
          await exportGrantsCsv(db),
          exportFileName('access-register', 'csv', now),
          'text/csv;charset=utf-8',
        );
      } else if (what === 'json') {
        download(
          await exportBackupOffThread(now, registerDb),
          exportFileName('access-register-backup', 'json', now),
          'application/json',
        );
        prepareExportWorker(); // for the next one: this export's worker has ended
      } else {
        const evidence = await buildEvidence(db, now);
        if (what === 'evidenceCsv') {
          download(
            evidenceToCsv(evidence),
            exportFileName('access-evidence', 'csv', now),
            'text/csv;charset=utf-8',
          );
        } else {
          download(
            evidenceToJson(evidence),
            exportFileName('access-evidence', 'json', now),
            'application/json',
          );
        }
      }
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="card import-export" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('io_title')}</h2>
      <div className="io-row">
        <label htmlFor={`${id}-file`} className="button">
          {t('import_choose')}
        </label>
        <input
          ref={inputRef}
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          data-testid="import-file"
          // One import at a time: a second would race the first's transaction.
          disabled={state.kind === 'working'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
          }}
        />
        <button type="button" onClick={() => void exporting('csv')}>
          {t('export_csv')}
        </button>
        <button type="button" onClick={() => void exporting('json')}>
          {t('export_json')}
        </button>
        <button type="button" onClick={() => void exporting('evidenceCsv')}>
          {t('export_evidenceCsv')}
        </button>
        <button type="button" onClick={() => void exporting('evidenceJson')}>
          {t('export_evidenceJson')}
        </button>
      </div>
      <p className="muted small">{t('import_rule')}</p>
      <div aria-live="polite" data-testid="import-status">
        {state.kind === 'working' && (
          <div className="progress">
            <label htmlFor={`${id}-progress`}>{state.label}</label>
            {/* Without a total yet (reading, checking) the bar is indeterminate. */}
            {state.total > 0 ? (
              <progress
                id={`${id}-progress`}
                max={state.total}
                value={state.done}
                data-testid="import-progress"
              />
            ) : (
              <progress id={`${id}-progress`} data-testid="import-progress" />
            )}
            <button
              type="button"
              onClick={cancelImport}
              disabled={!state.cancellable}
              data-testid="import-cancel"
            >
              {t('import_cancel')}
            </button>
          </div>
        )}
        {state.kind === 'cancelled' && (
          <p className="notice" data-testid="import-cancelled">
            {t('import_cancelled', state.file)}
          </p>
        )}
        {state.kind === 'imported' && (
          <div className="notice">
            <p>
              {t(
                'import_done',
                state.file,
                state.report.grantsAdded,
                state.report.grantsUpdated,
                state.report.grantsUnchanged,
              )}
            </p>
            {state.report.grantsKeptNewer > 0 && (
              <p data-testid="import-kept-newer">
                {t('import_keptNewer', state.report.grantsKeptNewer)}
              </p>
            )}
            {state.report.merged.length > 0 && (
              <details>
                <summary>{t('import_mergedList', state.report.merged.length)}</summary>
                <ul>
                  {state.report.merged.slice(0, SHOWN_ERRORS).map((m) => (
                    <li key={`${m.where}-${m.grantId}`}>
                      {m.where}: {t(MERGE_KEYS[m.outcome])}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
      </div>
      {state.kind === 'failed' && (
        <div role="alert" className="import-errors" data-testid="import-errors">
          <p className="error">{t('import_failed', state.file, state.count)}</p>
          <ul>
            {state.errors.slice(0, SHOWN_ERRORS).map((issue, i) => (
              <li key={i}>{issueText(issue)}</li>
            ))}
          </ul>
          {state.count > SHOWN_ERRORS && (
            <p>
              {t('import_moreErrors', state.count - Math.min(SHOWN_ERRORS, state.errors.length))}
            </p>
          )}
        </div>
      )}
      {state.kind === 'error' && (
        <p role="alert" className="error">
          {t('import_error', state.message)}
        </p>
      )}
    </section>
  );
}
