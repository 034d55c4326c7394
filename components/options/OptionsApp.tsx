import { useEffect, useState } from 'react';
import type { BackgroundStatus } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/protocol';
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
        <h1>Options</h1>
      </header>
      <main>
        <section aria-labelledby="about-heading" className="card">
          <h2 id="about-heading">About</h2>
          <p data-testid="background-status" aria-live="polite">
            {status === undefined
              ? 'Asking the background…'
              : status === 'unreachable'
                ? 'The background did not answer. Reload the extension from the browser’s extensions page.'
                : `Background running · version ${status.version} · register schema v${status.schemaVersion} · ${status.grants} ${status.grants === 1 ? 'grant' : 'grants'} recorded`}
          </p>
        </section>
        <section aria-labelledby="privacy-heading" className="card">
          <h2 id="privacy-heading">Privacy</h2>
          <p>
            Everything the extension records stays in this browser. It sends nothing anywhere: no
            account, no analytics, no remote code. It reads TikTok pages only on business.tiktok.com
            and ads.tiktok.com, and only to guide you and compare them with your register.
          </p>
        </section>
      </main>
    </div>
  );
}
