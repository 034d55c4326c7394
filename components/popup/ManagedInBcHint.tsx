import { t } from '@/lib/i18n';
// lib/tiktok's index carries the page reader (selectors, labels, flows) for the content scripts;
// an extension page needs only this, by its path, and loads none of that.
// eslint-disable-next-line no-restricted-imports
import { bcAccessUrl } from '@/lib/tiktok/routes';
import type { PageKind } from '@/lib/tiktok';

/**
 * On Ads Manager and the Business Center picker the extension injects nothing; the popup says
 * where access is managed instead, with a link to the right Business Center page when the
 * Business Center is known (from the URL, or from the register's record of the ad account).
 */
export function ManagedInBcHint({ kind, orgId }: { kind: PageKind; orgId: string | null }) {
  if (kind !== 'ads-manager' && kind !== 'bc-picker') return null;
  return (
    <p data-testid="managed-in-bc" className="card">
      {t('popup_managedInBc')}{' '}
      {orgId ? (
        <a href={bcAccessUrl(orgId, 'members')} target="_blank" rel="noreferrer">
          {t('popup_openBcMembers')}
        </a>
      ) : kind === 'bc-picker' ? (
        t('popup_chooseBc')
      ) : null}
    </p>
  );
}
