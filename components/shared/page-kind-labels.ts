import type { PageKind } from '@/lib/tiktok/routes';

/** How each kind of TikTok page is named to the user. */
export const PAGE_KIND_LABELS: Record<PageKind, string> = {
  'bc-members': 'Business Center · Members',
  'bc-partners': 'Business Center · Partners',
  'bc-asset-access': 'Business Center · ad account access',
  'bc-picker': 'Business Center · choose a Business Center',
  'bc-other': 'Business Center',
  'ads-manager': 'Ads Manager',
  login: 'TikTok sign-in',
  unknown: 'Not a page the extension knows',
};
