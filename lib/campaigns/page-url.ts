import { browser } from 'wxt/browser';

/**
 * Where one campaign opens: the register page with the campaign's fragment, which the register's
 * router reads (the fragment never leaves the browser). Notifications, the popup and the options
 * page's due list all open a campaign here.
 */
export function campaignPageUrl(campaignId: string): string {
  return `${browser.runtime.getURL('/register.html')}#campaign=${campaignId}`;
}
