import { useLiveQuery } from 'dexie-react-hooks';
import type { FormEvent } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CampaignScope, UndecidedAtDue } from '@/lib/campaigns';
import {
  CampaignInputError,
  DEFAULT_CAMPAIGN_STALE_INVITATION_DAYS,
  startCampaign,
} from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { dayAfter } from '@/lib/register';
import { Field } from '../shared/Field';
import { DueOnField, ReviewerField, UndecidedField } from './fields';

type ScopeKind = CampaignScope['kind'];
const SCOPE_KINDS: ScopeKind[] = ['everything', 'account', 'organisation', 'party', 'perspective'];
const SCOPE_KEYS = {
  everything: 'scope_everything',
  account: 'scope_account',
  organisation: 'scope_organisation',
  party: 'scope_party',
  perspective: 'scope_perspective',
} as const;
/** A review is due two weeks from today unless the reviewer says otherwise. */
const DEFAULT_DUE_IN_DAYS = 14;

/** What can be picked for each scope, read from the register once. */
function useScopeChoices() {
  return useLiveQuery(async () => {
    const db = registerDb();
    const [accounts, parties] = await Promise.all([db.accounts.toArray(), db.parties.toArray()]);
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const byLabel = (a: [string, string], b: [string, string]) => collator.compare(a[1], b[1]);
    const organisations = new Map<string, string>();
    for (const p of parties) {
      const org = p.organisation.trim();
      if (p.deletedAt === null && org) organisations.set(org.toLocaleLowerCase(), org);
    }
    return {
      account: accounts
        .filter((a) => a.deletedAt === null)
        .map((a): [string, string] => [a.id, `${a.name || a.externalId} (${a.externalId})`])
        .sort(byLabel),
      party: parties
        .filter((p) => p.deletedAt === null)
        .map((p): [string, string] => [p.id, p.name || p.email || p.bcId || p.id])
        .sort(byLabel),
      organisation: [...organisations.values()].map((o): [string, string] => [o, o]).sort(byLabel),
      perspective: [
        ['mine', t('perspective_mine')],
        ['held', t('perspective_held')],
      ] as [string, string][],
    };
  });
}

function scopeOf(kind: ScopeKind, value: string): CampaignScope | null {
  switch (kind) {
    case 'everything':
      return { kind };
    case 'account':
      return value ? { kind, accountId: value } : null;
    case 'party':
      return value ? { kind, partyId: value } : null;
    case 'organisation':
      return value ? { kind, organisation: value } : null;
    case 'perspective':
      return value === 'mine' || value === 'held' ? { kind, perspective: value } : null;
  }
}

/** "Start a review": scope, due date, reviewer, and what becomes of items left undecided. */
export function StartCampaign({
  onStarted,
  onCancel,
}: {
  onStarted: (campaignId: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const choices = useScopeChoices();
  const [kind, setKind] = useState<ScopeKind>('everything');
  const [value, setValue] = useState('');
  const [dueOn, setDueOn] = useState(() => dayAfter(new Date(), DEFAULT_DUE_IN_DAYS));
  const [reviewer, setReviewer] = useState('');
  const [staleDays, setStaleDays] = useState(String(DEFAULT_CAMPAIGN_STALE_INVITATION_DAYS));
  const [undecided, setUndecided] = useState<UndecidedAtDue>('undecided');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const options = useMemo(
    () => (kind === 'everything' ? [] : (choices?.[kind] ?? [])),
    [choices, kind],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const scope = scopeOf(kind, value);
    if (!scope) return setError(t('start_error_unknownScope'));
    if (!reviewer.trim()) return setError(t('start_error_reviewer'));
    setBusy(true);
    try {
      const c = await startCampaign(
        registerDb(),
        {
          scope,
          reviewer,
          dueOn,
          staleInvitationDays: Number(staleDays),
          undecidedAtDue: undecided,
        },
        new Date(),
      );
      onStarted(c.id);
    } catch (e) {
      if (e instanceof CampaignInputError && e.problem !== 'invalid') {
        setError(t(`start_error_${e.problem}`));
      } else setError(t('start_error_other', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card start-campaign" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('start_title')}
      </h2>
      <form className="grant-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <Field id={`${id}-kind`} label={t('scope_label')}>
            {(control) => (
              <select
                {...control}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as ScopeKind);
                  setValue('');
                }}
              >
                {SCOPE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(SCOPE_KEYS[k])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {kind !== 'everything' && (
            <Field id={`${id}-value`} label={t('scope_pick')}>
              {(control) => (
                <select {...control} value={value} onChange={(e) => setValue(e.target.value)}>
                  <option value="">—</option>
                  {options.map(([v, label]) => (
                    <option key={v} value={v}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <DueOnField id={`${id}-due`} value={dueOn} onChange={setDueOn} />
          <ReviewerField id={`${id}-reviewer`} value={reviewer} onChange={setReviewer} />
          <Field id={`${id}-stale`} label={t('start_staleDays')}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={365}
                value={staleDays}
                onChange={(e) => setStaleDays(e.target.value)}
              />
            )}
          </Field>
          <UndecidedField
            id={`${id}-undecided`}
            value={undecided}
            onChange={setUndecided}
            hint={t('start_undecidedHint')}
          />
        </div>
        <p className="muted">{t('start_snapshotNote')}</p>
        {error && (
          <p role="alert" className="error" data-testid="start-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('start_submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('form_cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
