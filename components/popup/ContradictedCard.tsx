import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { browser } from 'wxt/browser';
import { campaignPageUrl, contradictedItems } from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { accountLabel, partyTitle } from '@/lib/register';
import { formatDay } from '../shared/format';

/** How many contradicted decisions the popup lists; the rest are counted. */
const SHOWN = 3;

/**
 * Campaign decisions a later visit to TikTok's page contradicts (the person or partner still
 * listed, or with a higher role than decided): each opens its campaign. Read once the popup's
 * first rows are on screen.
 */
export function ContradictedCard() {
  const id = useId();
  const items = useLiveQuery(() => contradictedItems(registerDb()));
  if (!items || items.length === 0) return null;
  const open = (campaignId: string) =>
    void browser.tabs.create({ url: campaignPageUrl(campaignId) });
  return (
    <section aria-labelledby={`${id}-title`} data-testid="contradicted">
      <h2 id={`${id}-title`} className="section-title">
        {t('popup_contradicted_title')}
      </h2>
      <ul className="popup-list">
        {items.slice(0, SHOWN).map((item) => (
          <li key={item.id}>
            <button type="button" className="link-button" onClick={() => open(item.campaignId)}>
              {t(
                'popup_contradicted_item',
                partyTitle(item),
                accountLabel(item),
                formatDay(item.contradicted!.at),
              )}
            </button>
          </li>
        ))}
      </ul>
      {items.length > SHOWN && (
        <p className="muted small">{t('popup_contradicted_more', items.length - SHOWN)}</p>
      )}
    </section>
  );
}
