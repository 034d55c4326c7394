import { t, uiLanguage } from '@/lib/i18n';
import type { MessageKey } from '@/lib/i18n';
import type { Grant } from '@/lib/register/schema';

const ROLE_KEYS = {
  bc: { admin: 'role_bc_admin', standard: 'role_bc_standard' },
  finance: { manager: 'role_finance_manager', analyst: 'role_finance_analyst' },
  asset: {
    admin: 'role_asset_admin',
    operator: 'role_asset_operator',
    analyst: 'role_asset_analyst',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

/** A grant's roles in TikTok's words, e.g. "Standard · Operator". */
export function describeRoles(g: Pick<Grant, 'bcRole' | 'financeRole' | 'assetRole'>): string {
  const parts = [
    g.bcRole && t(ROLE_KEYS.bc[g.bcRole]),
    g.financeRole && t(ROLE_KEYS.finance[g.financeRole]),
    g.assetRole && t(ROLE_KEYS.asset[g.assetRole]),
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('role_none');
}

/** A day or instant as the user's locale writes a date. */
export function formatDay(value: string | null): string {
  if (!value) return '—';
  const date = value.length === 10 ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(date.getTime())
    ? '—'
    : date.toLocaleDateString(uiLanguage(), { dateStyle: 'medium' });
}

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
