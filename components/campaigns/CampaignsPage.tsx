import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { listCampaigns } from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { Brand } from '../shared/Brand';
import { formatDay, today } from '../shared/format';
import './campaigns.css';
import { CheckReportFile } from './CampaignReport';
import { CampaignView } from './CampaignView';
import { scopeDescription } from './labels';
import { hashOf } from './route';
import { StartCampaign } from './StartCampaign';

/** Access reviews: the list of campaigns and "Start a review", or one campaign. */
export function CampaignsPage({ campaignId }: { campaignId: string | null }) {
  useEffect(() => {
    document.title = t('campaigns_pageTitle');
    return () => {
      document.title = t('register_pageTitle');
    };
  }, []);
  return (
    <div className="register campaigns">
      <header className="register-header">
        <Brand />
        <nav aria-label={t('campaigns_title')} className="page-nav">
          <a href="#">{t('campaigns_backToRegister')}</a>
          {campaignId && <a href={hashOf({ page: 'campaigns' })}>{t('campaigns_title')}</a>}
        </nav>
      </header>
      <main>
        {campaignId ? <CampaignView key={campaignId} campaignId={campaignId} /> : <CampaignList />}
      </main>
    </div>
  );
}

function CampaignList() {
  const campaigns = useLiveQuery(() => listCampaigns(registerDb()));
  const [starting, setStarting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listId = useId();
  useEffect(() => headingRef.current?.focus(), []);
  const now = today();
  return (
    <>
      <div className="title-row">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('campaigns_title')}
        </h1>
        {!starting && (
          <button type="button" className="primary" onClick={() => setStarting(true)}>
            {t('campaigns_start')}
          </button>
        )}
      </div>
      <p className="muted">{t('campaigns_intro')}</p>
      {starting && (
        <StartCampaign
          onCancel={() => setStarting(false)}
          onStarted={(id) => {
            location.hash = hashOf({ page: 'campaign', campaignId: id });
          }}
        />
      )}
      <h2 id={listId} className="visually-hidden">
        {t('campaigns_listLabel')}
      </h2>
      {campaigns === undefined ? null : campaigns.length === 0 ? (
        <p className="card empty">{t('campaigns_none')}</p>
      ) : (
        <ul className="campaign-list" aria-labelledby={listId} data-testid="campaign-list">
          {campaigns.map((c) => (
            <li key={c.id} className="card">
              <a href={hashOf({ page: 'campaign', campaignId: c.id })}>{scopeDescription(c)}</a>
              {c.kind === 'offboarding' && (
                <span className="badge">{t('campaigns_offboarding')}</span>
              )}
              <span className="muted">
                {t(
                  'campaigns_rowFacts',
                  c.itemCount.toLocaleString(),
                  formatDay(c.dueOn),
                  c.reviewer,
                )}
              </span>
              {c.dueOn < now && <span className="badge due">{t('campaigns_overdue')}</span>}
            </li>
          ))}
        </ul>
      )}
      <CheckReportFile />
    </>
  );
}
