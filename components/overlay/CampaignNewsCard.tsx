import { useId } from 'react';
import { useStore } from 'zustand';
import { formatNumber, t } from '@/lib/i18n';
import type { OverlayStore } from '@/lib/overlay';

/**
 * What the page just proved about access review decisions: carried out and now shown by the page
 * (the review counts them done), or shown undone (the review flags them). Announced politely, as
 * the reading that found it came without the user asking. The popup lists decisions found undone,
 * each opening its review.
 */
export function CampaignNewsCard(props: { store: OverlayStore }) {
  const news = useStore(props.store, (s) => s.campaignNews);
  const headingId = useId();
  return (
    <div role="status" aria-live="polite">
      {news ? (
        <section
          className="ac-campaign-news"
          data-testid="campaign-news"
          aria-labelledby={headingId}
        >
          <h3 id={headingId}>{t('overlay_campaign_heading')}</h3>
          {news.verified > 0 ? (
            <p data-testid="campaign-verified">
              {t(
                news.verified === 1
                  ? 'overlay_campaign_verified_one'
                  : 'overlay_campaign_verified_many',
                formatNumber(news.verified),
              )}
            </p>
          ) : null}
          {news.contradicted > 0 ? (
            <p data-testid="campaign-contradicted">
              {t(
                news.contradicted === 1
                  ? 'overlay_campaign_contradicted_one'
                  : 'overlay_campaign_contradicted_many',
                formatNumber(news.contradicted),
              )}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
