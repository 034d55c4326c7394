import { useEffect, useId, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import {
  RegisterConflictError,
  STATUS_TRANSITIONS,
  reviewGrant,
  updateGrant,
} from '@/lib/register';
import { Offboard } from '../campaigns/Offboard';
import { describeRoles, formatDay } from '../shared/format';
import { EditForm, ReviewForm, RevokeForm } from './GrantDetailForms';
import { GrantHistory } from './GrantHistory';
import { accountLabel, grantBcUrl, partyLabel, statusLabel } from '@/lib/register';
import { useGrantDetail } from './use-grant-detail';

type Mode = 'view' | 'edit' | 'review' | 'revoke';

function explain(error: unknown): string {
  if (error instanceof RegisterConflictError) return t('detail_conflict');
  return t('form_error_save', error instanceof Error ? error.message : String(error));
}

/** One grant: its facts, its whole history, and what can be done with it. */
export function GrantDetail({ grantId, onClose }: { grantId: string; onClose: () => void }) {
  const data = useGrantDetail(grantId);
  const [mode, setMode] = useState<Mode>('view');
  const [message, setMessage] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  // The parent keys this component by grant, so state starts fresh; move focus to the heading.
  const loaded = data !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (data === undefined) return null;
  if (data === null) {
    return (
      <aside className="detail card" aria-label={t('detail_title')}>
        <p>{t('detail_missing')}</p>
        <button type="button" onClick={onClose}>
          {t('detail_close')}
        </button>
      </aside>
    );
  }
  const { grant: g, history } = data;
  const view = { grant: g, account: data.account, party: data.party };
  const bcUrl = grantBcUrl(view);
  const db = registerDb();
  const run = async (write: () => Promise<unknown>, done: string) => {
    try {
      await write();
      setMode('view');
      setMessage(done);
    } catch (error) {
      setMessage(explain(error));
    }
  };

  return (
    <aside
      className="detail card"
      aria-labelledby={titleId}
      data-testid="grant-detail"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="detail-header">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {partyLabel(view)} · {accountLabel(view)}
        </h2>
        <button type="button" onClick={onClose}>
          {t('detail_close')}
        </button>
      </header>
      <dl className="facts">
        <dt>{t('col_status')}</dt>
        <dd>
          <span className="badge" data-status={g.status}>
            {statusLabel(g.status)}
          </span>
        </dd>
        <dt>{t('col_roles')}</dt>
        <dd>{describeRoles(g)}</dd>
        <dt>{t('detail_account')}</dt>
        <dd>
          {accountLabel(view)} <span className="muted">({data.account?.externalId})</span>
        </dd>
        {data.party?.email && (
          <>
            <dt>{t('form_email')}</dt>
            <dd>{data.party.email}</dd>
          </>
        )}
        {data.party?.organisation && (
          <>
            <dt>{t('form_organisation')}</dt>
            <dd>{data.party.organisation}</dd>
          </>
        )}
        <dt>{t('detail_invited')}</dt>
        <dd>{formatDay(g.invitedAt)}</dd>
        <dt>{t('detail_accepted')}</dt>
        <dd>{formatDay(g.acceptedAt)}</dd>
        <dt>{t('col_nextReview')}</dt>
        <dd>{formatDay(g.nextReviewOn)}</dd>
        <dt>{t('form_contractEndsOn')}</dt>
        <dd>{formatDay(g.contractEndsOn)}</dd>
        {g.goals && (
          <>
            <dt>{t('form_goals')}</dt>
            <dd className="pre">{g.goals}</dd>
          </>
        )}
      </dl>
      {bcUrl && (
        <p>
          <a href={bcUrl} target="_blank" rel="noreferrer">
            {t('open_inBusinessCenter')}
          </a>
        </p>
      )}
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {mode === 'view' && <Offboard key={data.party?.id} party={data.party} />}
      {mode === 'view' && g.deletedAt === null && (
        <div className="detail-actions">
          {g.status === 'invited' && (
            <button
              type="button"
              className="primary"
              onClick={() =>
                void run(
                  () =>
                    updateGrant(
                      db,
                      g.id,
                      g.rev,
                      { status: 'active' },
                      { source: 'manual', now: new Date() },
                    ),
                  t('detail_done_accepted'),
                )
              }
            >
              {t('action_markAccepted')}
            </button>
          )}
          {(g.status === 'active' || g.status === 'suspended') && (
            <button type="button" className="primary" onClick={() => setMode('review')}>
              {t('action_review')}
            </button>
          )}
          <button type="button" onClick={() => setMode('edit')}>
            {t('action_edit')}
          </button>
          {STATUS_TRANSITIONS[g.status].includes('revoked') && (
            <button type="button" onClick={() => setMode('revoke')}>
              {t('action_revoke')}
            </button>
          )}
        </div>
      )}
      {mode === 'edit' && (
        <EditForm
          grant={g}
          onCancel={() => setMode('view')}
          onSave={(patch, rev) =>
            run(
              () => updateGrant(db, g.id, rev, patch, { source: 'manual', now: new Date() }),
              t('detail_done_saved'),
            )
          }
        />
      )}
      {mode === 'review' && (
        <ReviewForm
          grant={g}
          onCancel={() => setMode('view')}
          onSave={(review, rev) =>
            run(
              () => reviewGrant(db, g.id, rev, review, { source: 'manual', now: new Date() }),
              t('detail_done_reviewed'),
            )
          }
        />
      )}
      {mode === 'revoke' && (
        <RevokeForm
          grant={g}
          onCancel={() => setMode('view')}
          onSave={(note, rev) =>
            run(
              () =>
                updateGrant(
                  db,
                  g.id,
                  rev,
                  { status: 'revoked' },
                  { source: 'manual', now: new Date(), note },
                ),
              t('detail_done_revoked'),
            )
          }
        />
      )}
      <h3>{t('detail_history')}</h3>
      <GrantHistory history={history} />
    </aside>
  );
}
