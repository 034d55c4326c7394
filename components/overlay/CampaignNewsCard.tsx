import { useId } from 'react';
import { useStore } from 'zustand';
import type { MessageKey } from '@/lib/i18n';
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
    // A live region without the status role: the panel's one status is the active step's.
    <div aria-live="polite">
      {news ? (
        <section
          className="ac-campaign-news"
          data-testid="campaign-news"
          aria-labelledby={headingId}
        >
          <h3 id={headingId}>{t('overlay_campaign_heading')}</h3>
          <Count
            testId="campaign-verified"
            n={news.verified}
            one="overlay_campaign_verified_one"
            many="overlay_campaign_verified_many"
          />
          <Count
            testId="campaign-contradicted"
            n={news.contradicted}
            one="overlay_campaign_contradicted_one"
            many="overlay_campaign_contradicted_many"
          />
        </section>
      ) : null}
    </div>
  );
}

/** One count's sentence, in the singular or plural; nothing when the count is zero. */
function Count(props: { testId: string; n: number; one: MessageKey; many: MessageKey }) {
  if (props.n === 0) return null;
  return (
    <p data-testid={props.testId}>
      {t(props.n === 1 ? props.one : props.many, formatNumber(props.n))}
    </p>
  );
}
