import type { SelectHTMLAttributes } from 'react';
import { t } from '@/lib/i18n';

export type RoleSelectProps<R extends string> = {
  roles: readonly R[];
  labelOf: (role: R) => string;
  value: R | '';
  onChange: (value: R | '') => void;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;

/** A role picker in TikTok's words, with "None" first: one for each of the three role layers. */
export function RoleSelect<R extends string>({
  roles,
  labelOf,
  value,
  onChange,
  ...rest
}: RoleSelectProps<R>) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as R | '')}>
      <option value="">{t('form_none')}</option>
      {roles.map((r) => (
        <option key={r} value={r}>
          {labelOf(r)}
        </option>
      ))}
    </select>
  );
}
