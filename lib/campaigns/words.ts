/** A campaign's scope in words, for the register page and the reminders alike. */
import { t } from '../i18n';
import type { Campaign } from '../register/campaign-schema';

/** The scope of a campaign in words: "Account: Northwind", "Everything in the register". */
export function scopeDescription(c: Pick<Campaign, 'scope' | 'scopeLabel'>): string {
  switch (c.scope.kind) {
    case 'everything':
      return t('scope_describe_everything');
    case 'account':
      return t('scope_describe_account', c.scopeLabel);
    case 'organisation':
      return t('scope_describe_organisation', c.scopeLabel);
    case 'party':
      return t('scope_describe_party', c.scopeLabel);
    case 'perspective':
      return t(
        'scope_describe_perspective',
        t(c.scope.perspective === 'mine' ? 'perspective_mine' : 'perspective_held'),
      );
  }
}
