/**
 * The fields a review's start form, the offboarding form and the review page share: who reviews,
 * by when, and what happens to items left undecided at the due date.
 */
import type { UndecidedAtDue } from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import { dayAfter } from '@/lib/register';
import { Field } from '../shared/Field';
import { UNDECIDED_CHOICES, undecidedLabel } from './labels';

interface FieldProps<T> {
  id: string;
  value: T;
  onChange: (value: T) => void;
}

/** Who reviews: a name, required. */
export function ReviewerField({ id, value, onChange }: FieldProps<string>) {
  return (
    <Field id={id} label={t('start_reviewer')}>
      {(control) => (
        <input
          {...control}
          required
          autoComplete="name"
          maxLength={200}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The review's due date: today or later, required. */
export function DueOnField({ id, value, onChange }: FieldProps<string>) {
  return (
    <Field id={id} label={t('start_dueOn')}>
      {(control) => (
        <input
          {...control}
          type="date"
          required
          value={value}
          min={dayAfter(new Date(), 0)}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** What happens at the due date to the items nobody decided. */
export function UndecidedField({
  id,
  value,
  onChange,
  hint,
}: FieldProps<UndecidedAtDue> & { hint?: string }) {
  return (
    <Field id={id} label={t('start_undecided')} hint={hint}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(e) => onChange(e.target.value as UndecidedAtDue)}
        >
          {UNDECIDED_CHOICES.map((u) => (
            <option key={u} value={u}>
              {undecidedLabel(u)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
