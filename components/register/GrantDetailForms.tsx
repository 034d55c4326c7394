/**
 * The grant detail's forms: edit, review and revoke. Each starts from the revision the user
 * opened, so a change made elsewhere meanwhile is refused as a conflict rather than lost.
 */
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { GrantPatch, ReviewDecision } from '@/lib/register';
import type { AssetRole, BcRole, FinanceRole, Grant } from '@/lib/register';
import {
  ASSET_ROLES,
  BC_ROLES,
  FINANCE_ROLES,
  assetRoleLabel,
  bcRoleLabel,
  decisionLabel,
  financeRoleLabel,
} from '@/lib/register';
import { RoleSelect } from './RoleSelect';
import { Field } from '../shared/Field';

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
      <Field id={`${id}-bc`} label={t('form_bcRole')}>
        {(control) => (
          <RoleSelect
            {...control}
            roles={BC_ROLES}
            labelOf={bcRoleLabel}
            value={value.bcRole}
            onChange={(v) => onChange({ ...value, bcRole: v })}
          />
        )}
      </Field>
      <Field id={`${id}-fin`} label={t('form_financeRole')}>
        {(control) => (
          <RoleSelect
            {...control}
            roles={FINANCE_ROLES}
            labelOf={financeRoleLabel}
            value={value.financeRole}
            onChange={(v) => onChange({ ...value, financeRole: v })}
          />
        )}
      </Field>
      <Field id={`${id}-asset`} label={t('form_assetRole')}>
        {(control) => (
          <RoleSelect
            {...control}
            roles={ASSET_ROLES}
            labelOf={assetRoleLabel}
            value={value.assetRole}
            onChange={(v) => onChange({ ...value, assetRole: v })}
          />
        )}
      </Field>
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

export function EditForm({ grant, onCancel, onSave }: SubFormProps<GrantPatch>) {
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
      <Field id={`${id}-contract`} label={t('form_contractEndsOn')}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={contract}
            onChange={(e) => setContract(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-cadence`} label={t('form_cadence')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={3650}
            value={cadence}
            onChange={(e) => setCadence(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-goals`} label={t('form_goals')}>
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={goals}
            onChange={(e) => setGoals(e.target.value)}
          />
        )}
      </Field>
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

export function ReviewForm({
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
      <Field id={`${id}-note`} label={t('review_reason')} error={error}>
        {(control) => (
          <textarea {...control} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
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

export function RevokeForm({ grant, onCancel, onSave }: SubFormProps<string>) {
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
      <Field id={`${id}-note`} label={t('revoke_reason')}>
        {(control) => (
          <textarea {...control} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
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
