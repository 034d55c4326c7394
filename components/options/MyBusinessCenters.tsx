import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { forgetBusinessCenterMine, listMyBusinessCenters } from '@/lib/register';
import type { Account } from '@/lib/register';

const nameOf = (a: Pick<Account, 'name' | 'externalId'>) =>
  a.name || t('held_question_unnamed', a.externalId);

/**
 * "Business Centers that are yours": the answer "Mine" to the popup's question is
 * remembered, and never asked again, so it can be undone here — forgotten, and asked again on
 * the next visit to the picker or the Business Center's Members page. One that holds grants (the
 * members I gave access to) is changed in the register instead.
 */
export function MyBusinessCenters({ headingId }: { headingId: string }) {
  const list = useLiveQuery(() => listMyBusinessCenters(registerDb()));
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  const forget = async (account: Account) => {
    try {
      const done = await forgetBusinessCenterMine(registerDb(), account.id, { now: new Date() });
      setStatus(
        done
          ? t('myBusinessCenters_forgotten', nameOf(account))
          : t('myBusinessCenters_notForgotten', nameOf(account)),
      );
    } catch (error) {
      setStatus(
        t('options_settings_failed', error instanceof Error ? error.message : String(error)),
      );
    }
    // The row is gone with the button that had focus: keep the keyboard user where they were.
    statusRef.current?.focus();
  };

  return (
    <>
      <p>{t('myBusinessCenters_why')}</p>
      {list === undefined ? (
        <p>{t('options_loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted" data-testid="mine-empty">
          {t('myBusinessCenters_empty')}
        </p>
      ) : (
        <ul className="mine-list" aria-labelledby={headingId} data-testid="mine-list">
          {list.map(({ account, grants }) => (
            <li key={account.id} className="mine-row" data-org-id={account.externalId}>
              <span className="mine-name">
                <strong>{nameOf(account)}</strong>{' '}
                <span className="muted small">{t('myBusinessCenters_id', account.externalId)}</span>
              </span>
              {grants === 0 ? (
                <button
                  type="button"
                  aria-label={t('myBusinessCenters_forgetFor', nameOf(account))}
                  onClick={() => void forget(account)}
                >
                  {t('myBusinessCenters_forget')}
                </button>
              ) : (
                <span className="muted small">{t('myBusinessCenters_hasGrants', grants)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status" tabIndex={-1} ref={statusRef} data-testid="mine-status">
        {status}
      </p>
    </>
  );
}
