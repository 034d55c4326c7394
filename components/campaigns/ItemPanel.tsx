import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useId, useRef } from 'react';
import type { CampaignDecisionKind, CampaignItem, LoweredRoles } from '@/lib/campaigns';
import { decisionInput, decisionProblems, lowerOptions, reasonRequired } from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import { describeRoles, formatDay } from '../shared/format';
import {
  accountLabel,
  assetRoleLabel,
  bcRoleLabel,
  financeRoleLabel,
  partyTitle,
  statusLabel,
} from '@/lib/register';
import type { PendingDecision } from './store';
import { Field } from '../shared/Field';
import type { CampaignData } from './use-campaign';
import { decisionKindLabel, decisionSummary, flagText, suggestionText } from './labels';

export const DECISION_KINDS: CampaignDecisionKind[] = ['keep', 'lower', 'revoke', 'handOff'];
export const DECISION_KEYS: Record<CampaignDecisionKind, string> = {
  keep: 'K',
  lower: 'L',
  revoke: 'R',
  handOff: 'N',
};

export interface ItemPanelProps {
  item: CampaignItem | undefined;
  data: CampaignData;
  pending: PendingDecision | null;
  onBegin: (kind: CampaignDecisionKind) => void;
  onChange: (pending: PendingDecision) => void;
  onSave: (pending: PendingDecision) => void;
  onCancel: () => void;
}

/** The active item: what it was at the snapshot, what changed, suggestions, and its decision. */
export function ItemPanel({
  item,
  data,
  pending,
  onBegin,
  onChange,
  onSave,
  onCancel,
}: ItemPanelProps) {
  const id = useId();
  if (!item) {
    return (
      <section className="card detail item-panel" aria-label={t('item_decision')}>
        <p className="muted">{t('item_noneSelected')}</p>
      </section>
    );
  }
  const flag = data.flags.get(item.grantId);
  const suggestions = data.suggestions(item);
  const g = item.grant;
  return (
    <section
      className="card detail item-panel"
      aria-labelledby={`${id}-h`}
      data-testid="item-panel"
    >
      <h2 id={`${id}-h`}>{partyTitle(item)}</h2>
      <dl className="facts">
        <dt>{t('item_who')}</dt>
        <dd>{item.party?.email ?? item.party?.bcId ?? item.party?.organisation ?? '—'}</dd>
        <dt>{t('item_account')}</dt>
        <dd>
          {accountLabel(item)} <span className="muted">{item.account?.externalId}</span>
        </dd>
        <dt>{t('item_roles')}</dt>
        <dd>{describeRoles(g)}</dd>
        <dt>{t('item_status')}</dt>
        <dd>{statusLabel(g.status)}</dd>
      </dl>
      {flag && (
        <p className="notice flag-notice" data-testid="item-flag">
          {flagText(flag, data.current.get(item.grantId))}
        </p>
      )}
      {suggestions.length > 0 && (
        <>
          <h3>{t('item_suggestions')}</h3>
          <ul className="suggestions" data-testid="item-suggestions">
            {suggestions.map((s) => (
              <li key={s.kind}>{suggestionText(s)}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('item_decision')}</h3>
      {pending && pending.itemId === item.id ? (
        <DecisionForm
          item={item}
          pending={pending}
          onChange={onChange}
          onSave={onSave}
          onCancel={onCancel}
        />
      ) : (
        <>
          <p data-testid="item-decision">
            {item.decision
              ? t(
                  'item_decidedBy',
                  decisionSummary(item.decision),
                  item.decision.by,
                  formatDay(item.decision.at),
                )
              : t('campaign_undecided')}
            {item.decision?.reason ? ` — ${item.decision.reason}` : ''}
          </p>
          <div className="detail-actions">
            {DECISION_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                onClick={() => onBegin(kind)}
                aria-keyshortcuts={DECISION_KEYS[kind]}
              >
                {decisionKindLabel(kind)} <kbd aria-hidden="true">{DECISION_KEYS[kind]}</kbd>
              </button>
            ))}
          </div>
        </>
      )}
      {item.earlier.length > 0 && (
        <>
          <h3>{t('item_earlier')}</h3>
          <ol className="history" data-testid="item-earlier">
            {item.earlier.map((d) => (
              <li key={d.at + d.kind}>
                {t('item_decidedBy', decisionSummary(d), d.by, formatDay(d.at))}
                {d.reason ? ` — ${d.reason}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function RoleChoice<R extends string>({
  label,
  current,
  below,
  value,
  name,
  onChange,
}: {
  label: string;
  current: R | null;
  below: (R | null)[];
  value: R | null;
  name: (r: R | null) => string;
  onChange: (r: R | null) => void;
}) {
  const id = useId();
  if (below.length === 0) return null;
  const choices = [current, ...below];
  return (
    <Field id={id} label={label}>
      {(control) => (
        <select
          {...control}
          value={value ?? ''}
          onChange={(e) =>
            onChange((choices.find((c) => (c ?? '') === e.target.value) ?? null) as R | null)
          }
        >
          {choices.map((c) => (
            <option key={c ?? ''} value={c ?? ''}>
              {name(c)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function DecisionForm({
  item,
  pending,
  onChange,
  onSave,
  onCancel,
}: {
  item: CampaignItem;
  pending: PendingDecision;
  onChange: (p: PendingDecision) => void;
  onSave: (p: PendingDecision) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const reasonRef = useRef<HTMLInputElement>(null);
  const handToRef = useRef<HTMLInputElement>(null);
  const g = item.grant;
  const problems = decisionProblems(
    g,
    decisionInput.parse({ ...pending, handTo: pending.handTo || null }),
  );
  const needsReason = reasonRequired(pending.kind, g);
  // The field still to fill takes focus: the name for "not mine to decide", else the reason.
  useEffect(() => {
    (pending.kind === 'handOff' ? handToRef : reasonRef).current?.focus();
  }, [pending.kind, item.id]);
  const options = lowerOptions(g);
  const lowerTo: LoweredRoles = pending.lowerTo ?? {
    bcRole: g.bcRole,
    financeRole: g.financeRole,
    assetRole: g.assetRole,
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problems.length === 0) onSave(pending);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  const problemText = problems.includes('nothingToLower')
    ? t('decide_nothingToLower')
    : problems.includes('notLower')
      ? t('decide_notLower')
      : null;
  return (
    <form
      className="sub-form decision-form"
      onSubmit={submit}
      onKeyDown={onKey}
      data-testid="decision-form"
    >
      <p>
        <strong>{decisionKindLabel(pending.kind)}</strong>
      </p>
      {pending.kind === 'lower' && (
        <div className="form-grid">
          <RoleChoice
            label={t('decide_bcRole')}
            current={g.bcRole}
            below={options.bcRole}
            value={lowerTo.bcRole}
            name={(r) => (r ? bcRoleLabel(r) : t('role_none'))}
            onChange={(bcRole) => onChange({ ...pending, lowerTo: { ...lowerTo, bcRole } })}
          />
          <RoleChoice
            label={t('decide_financeRole')}
            current={g.financeRole}
            below={options.financeRole}
            value={lowerTo.financeRole}
            name={(r) => (r ? financeRoleLabel(r) : t('decide_financeNone'))}
            onChange={(financeRole) =>
              onChange({ ...pending, lowerTo: { ...lowerTo, financeRole } })
            }
          />
          <RoleChoice
            label={t('decide_assetRole')}
            current={g.assetRole}
            below={options.assetRole}
            value={lowerTo.assetRole}
            name={(r) => (r ? assetRoleLabel(r) : t('role_none'))}
            onChange={(assetRole) => onChange({ ...pending, lowerTo: { ...lowerTo, assetRole } })}
          />
        </div>
      )}
      {pending.kind === 'handOff' && (
        <Field
          id={`${id}-hand`}
          label={t('decide_handTo')}
          error={problems.includes('handToRequired') && t('decide_handToRequired')}
        >
          {(control) => (
            <input
              {...control}
              ref={handToRef}
              maxLength={200}
              value={pending.handTo}
              onChange={(e) => onChange({ ...pending, handTo: e.target.value })}
            />
          )}
        </Field>
      )}
      <Field
        id={`${id}-reason`}
        label={needsReason ? t('decide_reason') : t('decide_reasonOptional')}
        error={problems.includes('reasonRequired') && t('decide_reasonRequired')}
      >
        {(control) => (
          <input
            {...control}
            ref={reasonRef}
            maxLength={10_000}
            value={pending.reason}
            required={needsReason}
            onChange={(e) => onChange({ ...pending, reason: e.target.value })}
          />
        )}
      </Field>
      {problemText && (
        <p className="field-error" role="alert">
          {problemText}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" aria-disabled={problems.length > 0 || undefined}>
          {t('decide_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form_cancel')}
        </button>
      </div>
    </form>
  );
}
