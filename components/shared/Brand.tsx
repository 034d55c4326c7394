import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

/** The extension's mark and name, as every page shows it. */
export function Brand({ as: Heading = 'p' }: { as?: 'h1' | 'p' }) {
  return (
    <div className="brand">
      <img src={browser.runtime.getURL('/icon/128.png')} alt="" />
      <Heading className="brand-name">{t('extension_name')}</Heading>
    </div>
  );
}
