import type { FormEvent } from 'react';
import { useEffect, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import {
  MAX_IDENTITY_EMAILS,
  identityItem,
  loadIdentity,
  normaliseIdentity,
  parseEmailList,
  saveIdentity,
} from '@/lib/register';
import { Field } from '../shared/Field';

/**
 * "Your TikTok sign-in emails": how the extension recognises the user's own row in a Business
 * Center's Members table, so a visited Business Center can be recorded as a client
 * account they hold, with their role there. One email per line; stays on this machine.
 */
export function IdentitySettings() {
  const [text, setText] = useState<string | undefined>();
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const id = useId();

  useEffect(() => {
    void loadIdentity().then((v) => setText((old) => old ?? v.emails.join('\n')));
    // Saved from another options tab: show what is stored now.
    return identityItem.watch((value) => setText(normaliseIdentity(value).emails.join('\n')));
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { emails, invalid } = parseEmailList(text ?? '');
    if (invalid.length) {
      setError(t('held_identity_errorInvalid', invalid.join(', ')));
      setStatus(t('options_settings_fix'));
      return;
    }
    if (emails.length > MAX_IDENTITY_EMAILS) {
      setError(t('held_identity_errorTooMany', MAX_IDENTITY_EMAILS));
      setStatus(t('options_settings_fix'));
      return;
    }
    try {
      const saved = await saveIdentity({ emails });
      setText(saved.emails.join('\n'));
      setError('');
      setStatus(
        saved.emails.length === 0
          ? t('held_identity_savedNone')
          : t('held_identity_saved', saved.emails.length),
      );
    } catch (failure) {
      setStatus(
        t('options_settings_failed', failure instanceof Error ? failure.message : String(failure)),
      );
    }
  };

  if (text === undefined) return <p>{t('options_loading')}</p>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('held_identity_heading')}>
      <p>{t('held_identity_why')}</p>
      <Field
        id={`${id}-emails`}
        label={t('held_identity_label')}
        hint={t('held_identity_hint')}
        error={error}
      >
        {(control) => (
          <textarea
            {...control}
            name="identity-emails"
            rows={3}
            spellCheck={false}
            autoComplete="email"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setStatus('');
            }}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          {t('held_identity_save')}
        </button>
        <p role="status" data-testid="identity-status">
          {status}
        </p>
      </div>
    </form>
  );
}
