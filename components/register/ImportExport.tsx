import { useId, useRef, useState } from 'react';
import { defaultReviewCadence } from '@/lib/reminders/settings';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register/db';
import { buildEvidence, evidenceToCsv, evidenceToJson } from '@/lib/register/evidence';
import { backupToJson, exportBackup, exportFileName, exportGrantsCsv } from '@/lib/register/export';
import type { ImportIssue, ImportReport } from '@/lib/register/import';
import {
  ImportRefusedError,
  applyImport,
  decodeImportBytes,
  parseImport,
} from '@/lib/register/import';

/** Offer text as a file download, without any network. */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type State =
  | { kind: 'idle' }
  | { kind: 'working'; label: string; done: number; total: number }
  | { kind: 'failed'; file: string; errors: ImportIssue[]; more: number }
  | { kind: 'imported'; file: string; report: ImportReport }
  | { kind: 'error'; message: string };

const SHOWN_ERRORS = 200;

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

  const importFile = async (file: File) => {
    const format = /\.json$/i.test(file.name) || file.type === 'application/json' ? 'json' : 'csv';
    setState({ kind: 'working', label: t('import_reading', file.name), done: 0, total: 1 });
    try {
      const text = decodeImportBytes(new Uint8Array(await file.arrayBuffer()));
      const parsed = parseImport(text, format, { fileName: file.name });
      if (!parsed.ok) {
        setState({ kind: 'failed', file: file.name, errors: parsed.problems, more: parsed.more });
        return;
      }
      const total = parsed.plan.format === 'csv' ? parsed.plan.rows.length : 1;
      setState({ kind: 'working', label: t('import_writing', file.name), done: 0, total });
      const report = await applyImport(registerDb(), parsed.plan, {
        now: new Date(),
        note: t('import_eventNote', file.name),
        defaultCadenceDays: await defaultReviewCadence(),
        onProgress: (done, all) =>
          setState({ kind: 'working', label: t('import_writing', file.name), done, total: all }),
      });
      setState({ kind: 'imported', file: file.name, report });
    } catch (error) {
      if (error instanceof ImportRefusedError) {
        setState({ kind: 'failed', file: file.name, errors: error.problems, more: error.more });
        return;
      }
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (inputRef.current) inputRef.current.value = '';
    }
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
          backupToJson(await exportBackup(db, now)),
          exportFileName('access-register-backup', 'json', now),
          'application/json',
        );
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
            <progress id={`${id}-progress`} max={state.total} value={state.done} />
          </div>
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
          <p className="error">
            {t('import_failed', state.file, state.errors.length + state.more)}
          </p>
          <ul>
            {state.errors.slice(0, SHOWN_ERRORS).map((issue, i) => (
              <li key={i}>{issueText(issue)}</li>
            ))}
          </ul>
          {state.errors.length + state.more > SHOWN_ERRORS && (
            <p>{t('import_moreErrors', state.errors.length + state.more - SHOWN_ERRORS)}</p>
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
