/**
 * The register's search, filters, sort and grouping: one bar over the list, each control bound to
 * the register page's store.
 */
import { memo, useId, useMemo } from 'react';
import { useStore } from 'zustand';
import { t } from '@/lib/i18n';
import type { DueReason, GrantStatus, GroupBy, SortKey, indexViews } from '@/lib/register';
import { STATUSES, dueReasonLabel, roleFilterOptions, statusLabel } from '@/lib/register';
import { Field } from '../shared/Field';
import type { RegisterStore } from './store';

const SORTS: SortKey[] = ['updated', 'party', 'account', 'status', 'since', 'nextReview'];
const SORT_KEYS = {
  updated: 'sort_updated',
  party: 'sort_party',
  account: 'sort_account',
  status: 'sort_status',
  since: 'sort_since',
  nextReview: 'sort_nextReview',
} as const;
const GROUPS: GroupBy[] = ['none', 'account', 'party', 'organisation'];
const GROUP_KEYS = {
  none: 'groupBy_none',
  account: 'groupBy_account',
  party: 'groupBy_party',
  organisation: 'groupBy_organisation',
} as const;

export function Filters({
  store,
  views,
}: {
  store: RegisterStore;
  views: ReturnType<typeof indexViews>['views'];
}) {
  const s = useStore(store);
  const id = useId();
  const accounts = useMemo(() => {
    const seen = new Map<string, string>();
    for (const v of views)
      if (v.account && !seen.has(v.account.id))
        seen.set(v.account.id, v.account.name || v.account.externalId);
    return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
  }, [views]);
  const agencies = useMemo(() => {
    const seen = new Set<string>();
    for (const v of views) if (v.party?.organisation) seen.add(v.party.organisation);
    return [...seen].sort((a, b) => a.localeCompare(b));
  }, [views]);
  const agencyOptions = useMemo(() => agencies.map((a) => [a, a] as const), [agencies]);

  return (
    <div className="filters" role="search">
      <Field id={`${id}-q`} label={t('search_label')} className="grow">
        {(control) => (
          <input
            {...control}
            type="search"
            placeholder={t('search_placeholder')}
            value={s.filter.query ?? ''}
            onChange={(e) => s.setFilter({ query: e.target.value })}
          />
        )}
      </Field>
      <Field id={`${id}-role`} label={t('filter_role')}>
        {(control) => (
          <select
            {...control}
            value={s.filter.role ?? ''}
            onChange={(e) => s.setFilter({ role: e.target.value || undefined })}
          >
            <option value="">{t('filter_all')}</option>
            {roleFilterOptions().map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-status`} label={t('filter_status')}>
        {(control) => (
          <select
            {...control}
            value={s.filter.status ?? ''}
            onChange={(e) =>
              s.setFilter({ status: (e.target.value || undefined) as GrantStatus | undefined })
            }
          >
            <option value="">{t('filter_all')}</option>
            {STATUSES.map((st) => (
              <option key={st} value={st}>
                {statusLabel(st)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-account`} label={t('filter_account')}>
        {(control) => (
          <select
            {...control}
            value={s.filter.accountId ?? ''}
            onChange={(e) => s.setFilter({ accountId: e.target.value || undefined })}
          >
            <option value="">{t('filter_all')}</option>
            <Options options={accounts} />
          </select>
        )}
      </Field>
      <Field id={`${id}-agency`} label={t('filter_agency')}>
        {(control) => (
          <select
            {...control}
            value={s.filter.organisation ?? ''}
            onChange={(e) => s.setFilter({ organisation: e.target.value || undefined })}
          >
            <option value="">{t('filter_all')}</option>
            <Options options={agencyOptions} />
          </select>
        )}
      </Field>
      <Field id={`${id}-due`} label={t('filter_due')}>
        {(control) => (
          <select
            {...control}
            value={s.filter.due ?? ''}
            onChange={(e) =>
              s.setFilter({ due: (e.target.value || undefined) as DueReason | 'any' | undefined })
            }
          >
            <option value="">{t('filter_all')}</option>
            <option value="any">{t('filter_dueAny')}</option>
            {(['review', 'invitation', 'contract'] as const).map((r) => (
              <option key={r} value={r}>
                {dueReasonLabel(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-sort`} label={t('sort_label')}>
        {(control) => (
          <select
            {...control}
            value={s.sort}
            onChange={(e) => s.setSort(e.target.value as SortKey, s.direction)}
          >
            {SORTS.map((k) => (
              <option key={k} value={k}>
                {t(SORT_KEYS[k])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field">
        <span className="field-label" aria-hidden="true">
          &nbsp;
        </span>
        <button
          type="button"
          aria-label={s.direction === 'asc' ? t('sort_ascending') : t('sort_descending')}
          onClick={() => s.setSort(s.sort, s.direction === 'asc' ? 'desc' : 'asc')}
        >
          <span aria-hidden="true">{s.direction === 'asc' ? '↑' : '↓'}</span>
        </button>
      </div>
      <Field id={`${id}-group`} label={t('groupBy_label')}>
        {(control) => (
          <select
            {...control}
            value={s.groupBy}
            onChange={(e) => s.setGroupBy(e.target.value as GroupBy)}
          >
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(GROUP_KEYS[g])}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/**
 * A select's options as `[value, label]` pairs, rendered again only when the list changes: on
 * a search keystroke React skips the whole list at once, where even unchanged option elements
 * (ten thousand accounts at 100,000 grants) are each visited when their parent renders.
 */
const Options = memo(function Options({
  options,
}: {
  options: readonly (readonly [string, string])[];
}) {
  return options.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
});
