import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { ReminderSettings } from '@/lib/settings';
import { reminderSettingsSchema, saveReminderSettings } from '@/lib/settings';
import { Field } from '../shared/Field';

interface Draft {
  defaultCadenceDays: string;
  staleInvitationDays: string;
  contractLeadDays: string;
  notificationsEnabled: boolean;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
}

function toDraft(s: ReminderSettings): Draft {
  return {
    defaultCadenceDays: String(s.defaultCadenceDays),
    staleInvitationDays: String(s.staleInvitationDays),
    contractLeadDays: s.contractLeadDays.join(', '),
    notificationsEnabled: s.notificationsEnabled,
    quietEnabled: s.quietHours.enabled,
    quietStart: s.quietHours.start,
    quietEnd: s.quietHours.end,
  };
}

type Errors = Partial<
  Record<'defaultCadenceDays' | 'staleInvitationDays' | 'contractLeadDays' | 'quiet', string>
>;

/** Read the form; every field that does not make sense gets its own message. */
function parseDraft(d: Draft): { value?: ReminderSettings; errors: Errors } {
  const errors: Errors = {};
  const whole = (text: string, min: number, max: number) => {
    const n = Number(text.trim());
    return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : null;
  };
  const cadence = whole(d.defaultCadenceDays, 1, 3650);
  if (cadence === null) errors.defaultCadenceDays = t('options_settings_error_cadence');
  const stale = whole(d.staleInvitationDays, 1, 365);
  if (stale === null) errors.staleInvitationDays = t('options_settings_error_stale');
  const parts = d.contractLeadDays.split(/[,\s]+/).filter(Boolean);
  const leads = parts.map((p) => whole(p, 1, 365));
  if (leads.some((n) => n === null) || leads.length > 5) {
    errors.contractLeadDays = t('options_settings_error_leads');
  }
  const value = {
    defaultCadenceDays: cadence ?? 0,
    staleInvitationDays: stale ?? 0,
    contractLeadDays: leads.filter((n): n is number => n !== null),
    notificationsEnabled: d.notificationsEnabled,
    quietHours: { enabled: d.quietEnabled, start: d.quietStart, end: d.quietEnd },
  };
  if (!reminderSettingsSchema.shape.quietHours.safeParse(value.quietHours).success) {
    errors.quiet = t('options_settings_error_quietFormat');
  } else if (d.quietEnabled && d.quietStart === d.quietEnd) {
    errors.quiet = t('options_settings_error_quietSame');
  }
  return Object.keys(errors).length ? { errors } : { value, errors };
}

/** The reminder settings: cadence, thresholds, lead times, notifications and quiet hours. */
export function ReminderSettingsForm({ initial }: { initial: ReminderSettings }) {
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState('');
  const id = useId();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setStatus('');
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { value, errors: found } = parseDraft(draft);
    setErrors(found);
    if (!value) {
      setStatus(t('options_settings_fix'));
      return;
    }
    try {
      const saved = await saveReminderSettings(value);
      setDraft(toDraft(saved));
      setStatus(t('options_settings_saved'));
    } catch (error) {
      setStatus(
        t('options_settings_failed', error instanceof Error ? error.message : String(error)),
      );
    }
  };

  const field = (
    key: 'defaultCadenceDays' | 'staleInvitationDays' | 'contractLeadDays',
    label: string,
    hint: string,
    inputMode: 'numeric' | 'text',
  ) => (
    <Field id={`${id}-${key}`} label={label} hint={hint} error={errors[key]}>
      {(control) => (
        <input
          {...control}
          name={key}
          inputMode={inputMode}
          value={draft[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('options_settings_label')}>
      {field(
        'defaultCadenceDays',
        t('options_settings_cadence'),
        t('options_settings_cadenceHint'),
        'numeric',
      )}
      {field(
        'staleInvitationDays',
        t('options_settings_stale'),
        t('options_settings_staleHint'),
        'numeric',
      )}
      {field(
        'contractLeadDays',
        t('options_settings_leads'),
        t('options_settings_leadsHint'),
        'text',
      )}
      <div className="field checkbox">
        <input
          id={`${id}-notify`}
          type="checkbox"
          checked={draft.notificationsEnabled}
          onChange={(e) => set('notificationsEnabled', e.target.checked)}
        />
        <label htmlFor={`${id}-notify`}>{t('options_settings_notify')}</label>
      </div>
      <fieldset className="field" aria-describedby={errors.quiet ? `${id}-quiet-error` : undefined}>
        <legend>{t('options_settings_quiet')}</legend>
        <div className="checkbox">
          <input
            id={`${id}-quiet`}
            type="checkbox"
            checked={draft.quietEnabled}
            onChange={(e) => set('quietEnabled', e.target.checked)}
          />
          <label htmlFor={`${id}-quiet`}>{t('options_settings_quietEnable')}</label>
        </div>
        <div className="times">
          <label htmlFor={`${id}-quiet-start`}>{t('options_settings_from')}</label>
          <input
            id={`${id}-quiet-start`}
            type="time"
            value={draft.quietStart}
            disabled={!draft.quietEnabled}
            aria-invalid={errors.quiet ? true : undefined}
            onChange={(e) => set('quietStart', e.target.value)}
          />
          <label htmlFor={`${id}-quiet-end`}>{t('options_settings_to')}</label>
          <input
            id={`${id}-quiet-end`}
            type="time"
            value={draft.quietEnd}
            disabled={!draft.quietEnabled}
            aria-invalid={errors.quiet ? true : undefined}
            onChange={(e) => set('quietEnd', e.target.value)}
          />
        </div>
        {errors.quiet && (
          <p className="error" id={`${id}-quiet-error`}>
            {errors.quiet}
          </p>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          {t('options_settings_save')}
        </button>
        <p role="status" data-testid="reminder-settings-status">
          {status}
        </p>
      </div>
    </form>
  );
}
