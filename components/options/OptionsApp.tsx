import { useEffect, useState } from 'react';
import type { BackgroundStatus } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';
import { Brand } from '../shared/Brand';

/** The options page: for now, the extension's state and its privacy promise. */
export function OptionsApp() {
  const [status, setStatus] = useState<BackgroundStatus | 'unreachable' | undefined>();
  useEffect(() => {
    sendMessage('page:getStatus', {}).then(setStatus, () => setStatus('unreachable'));
  }, []);

  return (
    <div className="options">
      <header>
        <Brand />
        <h1>{t('options_title')}</h1>
      </header>
      <main>
        <section aria-labelledby="about-heading" className="card">
          <h2 id="about-heading">{t('options_about')}</h2>
          <p data-testid="background-status" aria-live="polite">
            {status === undefined
              ? t('options_asking')
              : status === 'unreachable'
                ? t('options_unreachable')
                : t(
                    status.grants === 1 ? 'options_status_one' : 'options_status_many',
                    status.version,
                    status.schemaVersion,
                    status.grants,
                  )}
          </p>
        </section>
        <section aria-labelledby="privacy-heading" className="card">
          <h2 id="privacy-heading">{t('options_privacy')}</h2>
          <p>{t('options_privacyText')}</p>
        </section>
      </main>
    </div>
  );
}
