import { useLiveQuery } from 'dexie-react-hooks';
import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import { RoleSelect } from './RoleSelect';
import { registerDb } from '@/lib/register/db';
import type { GrantPatch, ReviewDecision } from '@/lib/register/grants';
import {
  RegisterConflictError,
  STATUS_TRANSITIONS,
  historyOf,
  reviewGrant,
  updateGrant,
} from '@/lib/register/grants';
import type { AssetRole, BcRole, FinanceRole, Grant } from '@/lib/register/schema';
import { describeRoles, formatDay } from '../shared/format';
import {
  ASSET_ROLES,
  BC_ROLES,
  FINANCE_ROLES,
  accountLabel,
  assetRoleLabel,
  bcRoleLabel,
  decisionLabel,
  eventLabel,
  financeRoleLabel,
  grantBcUrl,
  partyLabel,
  sourceLabel,
  statusLabel,
} from './labels';

type Mode = 'view' | 'edit' | 'review' | 'revoke';

function explain(error: unknown): string {
  if (error instanceof RegisterConflictError) return t('detail_conflict');
  return t('form_error_save', error instanceof Error ? error.message : String(error));
}

/** One grant: its facts, its whole history, and what can be done with it. */
export function GrantDetail({ grantId, onClose }: { grantId: string; onClose: () => void }) {
  const data = useLiveQuery(async () => {
    const db = registerDb();
    const grant = await db.grants.get(grantId);
    if (!grant) return null;
    const [account, party, history] = await Promise.all([
      db.accounts.get(grant.accountId),
      db.parties.get(grant.partyId),
      historyOf(db, grantId),
    ]);
    return { grant, account, party, history };
  }, [grantId]);
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
    </aside>
  );
}

interface RoleFields {
  bcRole: BcRole | '';
  financeRole: FinanceRole | '';
  assetRole: AssetRole | '';
}

function RoleSelects({
  value,
  onChange,
}: {
  value: RoleFields;
  onChange: (v: RoleFields) => void;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-bc`}>{t('form_bcRole')}</label>
        <RoleSelect
          id={`${id}-bc`}
          roles={BC_ROLES}
          labelOf={bcRoleLabel}
          value={value.bcRole}
          onChange={(v) => onChange({ ...value, bcRole: v })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-fin`}>{t('form_financeRole')}</label>
        <RoleSelect
          id={`${id}-fin`}
          roles={FINANCE_ROLES}
          labelOf={financeRoleLabel}
          value={value.financeRole}
          onChange={(v) => onChange({ ...value, financeRole: v })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-asset`}>{t('form_assetRole')}</label>
        <RoleSelect
          id={`${id}-asset`}
          roles={ASSET_ROLES}
          labelOf={assetRoleLabel}
          value={value.assetRole}
          onChange={(v) => onChange({ ...value, assetRole: v })}
        />
      </div>
    </>
  );
}

const rolesOf = (g: Grant): RoleFields => ({
  bcRole: g.bcRole ?? '',
  financeRole: g.financeRole ?? '',
  assetRole: g.assetRole ?? '',
});
const rolePatch = (r: RoleFields): Pick<GrantPatch, 'bcRole' | 'financeRole' | 'assetRole'> => ({
  bcRole: r.bcRole || null,
  financeRole: r.financeRole || null,
  assetRole: r.assetRole || null,
});

interface SubFormProps<T> {
  grant: Grant;
  onCancel: () => void;
  onSave: (value: T, expectedRev: number) => Promise<void>;
}

function EditForm({ grant, onCancel, onSave }: SubFormProps<GrantPatch>) {
  // The revision the user started from: a change elsewhere meanwhile is a conflict, not lost.
  const [rev] = useState(grant.rev);
  const [roles, setRoles] = useState(rolesOf(grant));
  const [contract, setContract] = useState(grant.contractEndsOn ?? '');
  const [cadence, setCadence] = useState(String(grant.reviewCadenceDays));
  const [goals, setGoals] = useState(grant.goals);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const days = Math.min(
      3650,
      Math.max(1, Math.round(Number(cadence)) || grant.reviewCadenceDays),
    );
    void onSave(
      { ...rolePatch(roles), contractEndsOn: contract || null, reviewCadenceDays: days, goals },
      rev,
    );
  };
  return (
    <form className="sub-form" onSubmit={submit} aria-label={t('action_edit')}>
      <RoleSelects value={roles} onChange={setRoles} />
      <div className="field">
        <label htmlFor={`${id}-contract`}>{t('form_contractEndsOn')}</label>
        <input
          id={`${id}-contract`}
          type="date"
          value={contract}
          onChange={(e) => setContract(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-cadence`}>{t('form_cadence')}</label>
        <input
          id={`${id}-cadence`}
          type="number"
          min={1}
          max={3650}
          value={cadence}
          onChange={(e) => setCadence(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-goals`}>{t('form_goals')}</label>
        <textarea
          id={`${id}-goals`}
          rows={2}
          value={goals}
          onChange={(e) => setGoals(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('form_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form_cancel')}
        </button>
      </div>
    </form>
  );
}

function ReviewForm({
  grant,
  onCancel,
  onSave,
}: SubFormProps<{
  decision: ReviewDecision;
  note: string;
  lowerTo?: ReturnType<typeof rolePatch>;
}>) {
  const [rev] = useState(grant.rev);
  const [decision, setDecision] = useState<ReviewDecision>('keep');
  const [note, setNote] = useState('');
  const [roles, setRoles] = useState(rolesOf(grant));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setError(t('review_error_reason'));
      return;
    }
    void onSave(
      { decision, note, ...(decision === 'lower' ? { lowerTo: rolePatch(roles) } : {}) },
      rev,
    );
  };
  return (
    <form className="sub-form" onSubmit={submit} aria-label={t('action_review')}>
      <fieldset>
        <legend>{t('review_decision')}</legend>
        {(['keep', 'lower', 'revoke'] as const).map((d) => (
          <label key={d} className="radio">
            <input
              type="radio"
              name={`${id}-decision`}
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />
            {decisionLabel(d)}
          </label>
        ))}
      </fieldset>
      {decision === 'lower' && <RoleSelects value={roles} onChange={setRoles} />}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('review_reason')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {})}
        />
        {error && (
          <span id={`${id}-err`} className="error field-error">
            {error}
          </span>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('review_signOff')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form_cancel')}
        </button>
      </div>
    </form>
  );
}

function RevokeForm({ grant, onCancel, onSave }: SubFormProps<string>) {
  const [rev] = useState(grant.rev);
  const [note, setNote] = useState('');
  const id = useId();
  return (
    <form
      className="sub-form"
      aria-label={t('action_revoke')}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(note.trim(), rev);
      }}
    >
      <p>{t('revoke_explain')}</p>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('revoke_reason')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('action_revoke')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form_cancel')}
        </button>
      </div>
    </form>
  );
}
