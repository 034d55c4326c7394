import { t } from '@/lib/i18n';
import type { RegisterEvent } from '@/lib/register';
import { describeRoles, formatDay } from '../shared/format';
import { decisionLabel, eventLabel, sourceLabel, statusLabel } from '@/lib/register';

/** A grant's history, newest first: what changed, when, from where, and any note. */
export function GrantHistory({ history }: { history: readonly RegisterEvent[] }) {
  return (
    <ol className="history" data-testid="grant-history">
      {history
        .slice()
        .reverse()
        .map((e) => (
          <li key={e.id} data-event-type={e.type}>
            <div>
              <strong>{eventLabel(e.type)}</strong>
              {e.decision && <> · {decisionLabel(e.decision)}</>}{' '}
              <span className="muted">
                {formatDay(e.at)} · {sourceLabel(e.source)}
              </span>
            </div>
            {e.after && e.type !== 'created' && (
              <div className="muted">
                {statusLabel(e.after.status)} · {describeRoles(e.after)}
              </div>
            )}
            {e.note && <div className="pre">{e.note}</div>}
            {e.fromFile && (
              // History a file brought is never shown as if this register had witnessed it.
              <div className="muted" data-testid="event-from-file">
                {t('detail_fromFile', e.fromFile.fileName, formatDay(e.fromFile.importedAt))}
              </div>
            )}
          </li>
        ))}
    </ol>
  );
}
