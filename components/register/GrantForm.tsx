import type { FormEvent, ReactNode } from 'react';
import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
// lib/tiktok's index carries the page reader (selectors, labels, flows) for the content scripts;
// an extension page needs only this, by its path, and loads none of that.
// eslint-disable-next-line no-restricted-imports
import { TIKTOK_ID } from '@/lib/tiktok/ids';
import type { FieldControl } from '../shared/Field';
import { Field } from '../shared/Field';
import { RoleSelect } from './RoleSelect';
import type { GrantDraft } from '@/lib/register';
import type { AssetRole, BcRole, FinanceRole, GrantStatus } from '@/lib/register';
import {
  ASSET_ROLES,
  BC_ROLES,
  FINANCE_ROLES,
  assetRoleLabel,
  bcRoleLabel,
  financeRoleLabel,
  statusLabel,
} from '@/lib/register';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Fields {
  accountKind: 'businessCenter' | 'adAccount';
  accountId: string;
  accountName: string;
  ownerBcId: string;
  ownership: 'mine' | 'client';
  partyKind: 'person' | 'partnerBc';
  name: string;
  email: string;
  partnerBcId: string;
  organisation: string;
  bcRole: BcRole | '';
  financeRole: FinanceRole | '';
  assetRole: AssetRole | '';
  status: GrantStatus;
  contractEndsOn: string;
  goals: string;
}

const EMPTY: Fields = {
  accountKind: 'businessCenter',
  accountId: '',
  accountName: '',
  ownerBcId: '',
  ownership: 'mine',
  partyKind: 'person',
  name: '',
  email: '',
  partnerBcId: '',
  organisation: '',
  bcRole: '',
  financeRole: '',
  assetRole: '',
  status: 'invited',
  contractEndsOn: '',
  goals: '',
};

/** Check the form and turn it into a draft, or say what is wrong, field by field. */
export function draftFromFields(
  f: Fields,
):
  | { draft: GrantDraft; errors?: never }
  | { draft?: never; errors: Partial<Record<keyof Fields, string>> } {
  const errors: Partial<Record<keyof Fields, string>> = {};
  if (!TIKTOK_ID.test(f.accountId.trim())) errors.accountId = t('form_error_tiktokId');
  if (f.ownerBcId.trim() && !TIKTOK_ID.test(f.ownerBcId.trim()))
    errors.ownerBcId = t('form_error_tiktokId');
  const held = f.ownership === 'client';
  if (!held && f.partyKind === 'person') {
    if (f.email.trim() && !EMAIL.test(f.email.trim())) errors.email = t('form_error_email');
    if (!f.email.trim() && !f.name.trim()) errors.name = t('form_error_nameOrEmail');
  }
  if (!held && f.partyKind === 'partnerBc' && !TIKTOK_ID.test(f.partnerBcId.trim())) {
    errors.partnerBcId = t('form_error_tiktokId');
  }
  if (Object.keys(errors).length) return { errors };
  return {
    draft: {
      account: {
        kind: f.accountKind,
        externalId: f.accountId.trim(),
        name: f.accountName,
        ownerBcId: f.ownerBcId.trim() || null,
        ownership: f.ownership,
      },
      party: held
        ? { kind: 'person', isMe: true, name: t('party_me') }
        : {
            kind: f.partyKind,
            name: f.name,
            email: f.partyKind === 'person' ? f.email : null,
            bcId: f.partyKind === 'partnerBc' ? f.partnerBcId : null,
            organisation: f.organisation,
          },
      bcRole: f.bcRole || null,
      financeRole: f.financeRole || null,
      assetRole: f.assetRole || null,
      status: f.status,
      contractEndsOn: f.contractEndsOn || null,
      goals: f.goals,
    },
  };
}

export interface GrantFormProps {
  /** Save the draft; a thrown error is shown under the form. */
  onSubmit: (draft: GrantDraft) => Promise<void>;
  onCancel?: () => void;
  /** The popup's quick add leaves out the longer fields. */
  compact?: boolean;
  testId?: string;
}

/** Add a grant: the account, who gets access (or "me", for a client's account), the roles. */
export function GrantForm({ onSubmit, onCancel, compact = false, testId }: GrantFormProps) {
  const [f, setF] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) =>
    setF((prev) => ({ ...prev, [key]: value }));
  const held = f.ownership === 'client';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = draftFromFields(f);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    try {
      await onSubmit(result.draft);
      setF({ ...EMPTY, accountKind: f.accountKind, ownership: f.ownership });
    } catch (error) {
      setFailure(t('form_error_save', error instanceof Error ? error.message : String(error)));
    } finally {
      setSaving(false);
    }
  };

  const field = (key: keyof Fields, label: string, input: (control: FieldControl) => ReactNode) => (
    <Field id={`${id}-${key}`} label={label} error={errors[key]}>
      {input}
    </Field>
  );

  return (
    <form className="grant-form" onSubmit={(e) => void submit(e)} noValidate data-testid={testId}>
      <fieldset>
        <legend>{t('form_account')}</legend>
        {field('ownership', t('form_ownership'), (p) => (
          <select
            {...p}
            value={f.ownership}
            onChange={(e) => set('ownership', e.target.value as Fields['ownership'])}
          >
            <option value="mine">{t('form_ownership_mine')}</option>
            <option value="client">{t('form_ownership_client')}</option>
          </select>
        ))}
        {field('accountKind', t('form_accountKind'), (p) => (
          <select
            {...p}
            value={f.accountKind}
            onChange={(e) => set('accountKind', e.target.value as Fields['accountKind'])}
          >
            <option value="businessCenter">{t('accountKind_businessCenter')}</option>
            <option value="adAccount">{t('accountKind_adAccount')}</option>
          </select>
        ))}
        {field('accountId', t('form_accountId'), (p) => (
          <input
            {...p}
            inputMode="numeric"
            autoComplete="off"
            required
            value={f.accountId}
            onChange={(e) => set('accountId', e.target.value)}
          />
        ))}
        {field('accountName', t('form_accountName'), (p) => (
          <input
            {...p}
            autoComplete="off"
            value={f.accountName}
            onChange={(e) => set('accountName', e.target.value)}
          />
        ))}
        {!compact &&
          f.accountKind === 'adAccount' &&
          field('ownerBcId', t('form_ownerBcId'), (p) => (
            <input
              {...p}
              inputMode="numeric"
              autoComplete="off"
              value={f.ownerBcId}
              onChange={(e) => set('ownerBcId', e.target.value)}
            />
          ))}
      </fieldset>
      {!held && (
        <fieldset>
          <legend>{t('form_who')}</legend>
          {field('partyKind', t('form_partyKind'), (p) => (
            <select
              {...p}
              value={f.partyKind}
              onChange={(e) => set('partyKind', e.target.value as Fields['partyKind'])}
            >
              <option value="person">{t('partyKind_person')}</option>
              <option value="partnerBc">{t('partyKind_partnerBc')}</option>
            </select>
          ))}
          {field('name', t('form_name'), (p) => (
            <input
              {...p}
              autoComplete="off"
              value={f.name}
              onChange={(e) => set('name', e.target.value)}
            />
          ))}
          {f.partyKind === 'person'
            ? field('email', t('form_email'), (p) => (
                <input
                  {...p}
                  type="email"
                  autoComplete="off"
                  value={f.email}
                  onChange={(e) => set('email', e.target.value)}
                />
              ))
            : field('partnerBcId', t('form_partnerBcId'), (p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  autoComplete="off"
                  value={f.partnerBcId}
                  onChange={(e) => set('partnerBcId', e.target.value)}
                />
              ))}
          {field('organisation', t('form_organisation'), (p) => (
            <input
              {...p}
              autoComplete="off"
              value={f.organisation}
              onChange={(e) => set('organisation', e.target.value)}
            />
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('form_access')}</legend>
        {field('bcRole', t('form_bcRole'), (p) => (
          <RoleSelect
            {...p}
            roles={BC_ROLES}
            labelOf={bcRoleLabel}
            value={f.bcRole}
            onChange={(v) => set('bcRole', v)}
          />
        ))}
        {!compact &&
          field('financeRole', t('form_financeRole'), (p) => (
            <RoleSelect
              {...p}
              roles={FINANCE_ROLES}
              labelOf={financeRoleLabel}
              value={f.financeRole}
              onChange={(v) => set('financeRole', v)}
            />
          ))}
        {field('assetRole', t('form_assetRole'), (p) => (
          <RoleSelect
            {...p}
            roles={ASSET_ROLES}
            labelOf={assetRoleLabel}
            value={f.assetRole}
            onChange={(v) => set('assetRole', v)}
          />
        ))}
        {field('status', t('form_status'), (p) => (
          <select
            {...p}
            value={f.status}
            onChange={(e) => set('status', e.target.value as GrantStatus)}
          >
            {(['invited', 'active'] as const).map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        ))}
        {!compact &&
          field('contractEndsOn', t('form_contractEndsOn'), (p) => (
            <input
              {...p}
              type="date"
              value={f.contractEndsOn}
              onChange={(e) => set('contractEndsOn', e.target.value)}
            />
          ))}
        {!compact &&
          field('goals', t('form_goals'), (p) => (
            <textarea
              {...p}
              rows={2}
              maxLength={10_000}
              value={f.goals}
              onChange={(e) => set('goals', e.target.value)}
            />
          ))}
      </fieldset>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('form_save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('form_cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
