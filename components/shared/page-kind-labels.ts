import type { MessageKey } from '@/lib/i18n';
import { t } from '@/lib/i18n';
import type { PageKind } from '@/lib/tiktok';

const KEYS: Record<PageKind, MessageKey> = {
  'bc-members': 'pageKind_bcMembers',
  'bc-partners': 'pageKind_bcPartners',
  'bc-asset-access': 'pageKind_bcAssetAccess',
  'bc-picker': 'pageKind_bcPicker',
  'bc-other': 'pageKind_bcOther',
  'ads-manager': 'pageKind_adsManager',
  login: 'pageKind_login',
  unknown: 'pageKind_unknown',
};

/** How each kind of TikTok page is named to the user (read through i18n when looked up). */
export const PAGE_KIND_LABELS: Readonly<Record<PageKind, string>> = Object.defineProperties(
  {} as Record<PageKind, string>,
  Object.fromEntries(
    (Object.keys(KEYS) as PageKind[]).map((kind) => [
      kind,
      { enumerable: true, get: () => t(KEYS[kind]) },
    ]),
  ),
);
