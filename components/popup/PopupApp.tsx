import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { TabContext } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/protocol';
import { registerDb } from '@/lib/register/db';
import { Brand } from '../shared/Brand';
import { today } from '../shared/format';
import { PAGE_KIND_LABELS } from '../shared/page-kind-labels';
import { ManagedInBcHint } from './ManagedInBcHint';

function useActiveTabContext(): TabContext | null | undefined {
  const [context, setContext] = useState<TabContext | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const found =
        tab?.id === undefined ? null : await sendMessage('popup:getTabContext', { tabId: tab.id });
      if (!cancelled) setContext(found ?? null);
    })().catch(() => !cancelled && setContext(null));
    return () => {
      cancelled = true;
    };
  }, []);
  return context;
}

/** The toolbar popup: what the current tab is, and the register at a glance. */
export function PopupApp() {
  const context = useActiveTabContext();
  const counts = useLiveQuery(async () => {
    const live = await registerDb()
      .grants.filter((g) => g.deletedAt === null)
      .toArray();
    const day = today();
    return {
      total: live.filter((g) => g.status === 'active' || g.status === 'invited').length,
      pending: live.filter((g) => g.status === 'invited').length,
      due: live.filter(
        (g) => g.status === 'active' && g.nextReviewOn !== null && g.nextReviewOn <= day,
      ).length,
    };
  });

  // Issue #6: on Ads Manager, which Business Center owns this ad account, if the register knows.
  const ownerBcId = useLiveQuery(async () => {
    if (!context?.advertiserId) return null;
    const accounts = await registerDb()
      .accounts.filter((a) => a.kind === 'adAccount' && a.externalId === context.advertiserId)
      .toArray();
    return accounts.find((a) => a.deletedAt === null)?.ownerBcId ?? null;
  }, [context?.advertiserId]);

  return (
    <main className="popup">
      <Brand as="h1" />
      <section aria-labelledby="tab-heading" className="card">
        <h2 id="tab-heading" className="section-title">
          This tab
        </h2>
        <p data-testid="tab-context">
          {context === undefined
            ? 'Looking at this tab…'
            : context
              ? PAGE_KIND_LABELS[context.kind]
              : 'Not a TikTok Business Center or Ads Manager page.'}
        </p>
        {context ? (
          <ManagedInBcHint kind={context.kind} orgId={context.orgId ?? ownerBcId ?? null} />
        ) : null}
      </section>
      <section aria-labelledby="register-heading">
        <h2 id="register-heading" className="section-title">
          Your register
        </h2>
        <dl className="stats">
          <div>
            <dt>With access</dt>
            <dd data-testid="count-total">{counts?.total ?? '–'}</dd>
          </div>
          <div>
            <dt>Invited</dt>
            <dd>{counts?.pending ?? '–'}</dd>
          </div>
          <div>
            <dt>Review due</dt>
            <dd>{counts?.due ?? '–'}</dd>
          </div>
        </dl>
      </section>
      <nav className="actions" aria-label="More">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void browser.tabs.create({ url: browser.runtime.getURL('/register.html') })
          }
        >
          Open register
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </nav>
    </main>
  );
}
