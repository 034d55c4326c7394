/**
 * Advice on the spot while a checklist runs: the least privilege for the job, warnings for Admin
 * and for a Business Center about to have fewer than two Admins, and a check of the email typed
 * (format, likely typos of common domains, already on the page, already in the register).
 */
import type { MessageKey } from '@/lib/i18n';
import { t } from '@/lib/i18n';
import type { AccessRow } from './read-table';

/** One piece of advice, with how loudly to say it. */
export interface Advice {
  level: 'info' | 'warning';
  text: string;
}

const STATUS_WORDS: Readonly<Record<string, MessageKey>> = {
  invited: 'advice_status_invited',
  active: 'advice_status_active',
  revoked: 'advice_status_revoked',
  expired: 'advice_status_expired',
  rejected: 'advice_status_rejected',
  suspended: 'advice_status_suspended',
  pending: 'advice_status_pending',
  unknown: 'advice_status_unknown',
};

/** A status code (a table's or the register's) as a word inside a sentence, e.g. "revoked". */
export function statusWord(status: string): string {
  const key = STATUS_WORDS[status];
  return key ? t(key) : status;
}

/** Advice for the Business Center role chosen for a new member. */
export function bcRoleAdvice(role: 'admin' | 'standard' | undefined): Advice[] {
  const out: Advice[] = [
    {
      level: 'info',
      text: t('advice_leastPrivilege'),
    },
  ];
  if (role === 'admin')
    out.push({
      level: 'warning',
      text: t('advice_bcAdmin'),
    });
  return out;
}

/** Advice for the permission chosen on ad accounts. */
export function assetRoleAdvice(roles: ReadonlyArray<'admin' | 'operator' | 'analyst'>): Advice[] {
  if (!roles.includes('admin')) return [];
  return [
    {
      level: 'warning',
      text: t('advice_assetAdmin'),
    },
  ];
}

/** Ownership vs access, said once where partners are concerned (words read when called). */
export function ownershipNote(): Advice {
  return { level: 'info', text: t('advice_ownership') };
}

/** Warn when removing or demoting `who` would leave fewer than two active BC Admins. */
export function adminCountAdvice(
  rows: readonly AccessRow[],
  who: Pick<AccessRow, 'email' | 'name' | 'bcRole'> | undefined,
): Advice[] {
  if (!who || who.bcRole !== 'admin') return [];
  const admins = rows.filter(
    (r) => r.kind === 'member' && r.bcRole === 'admin' && r.status === 'active',
  );
  const left = admins.filter((r) => !(r.email && r.email === who.email) && r.name !== who.name);
  if (left.length >= 2) return [];
  return [
    {
      level: 'warning',
      text: t(left.length === 0 ? 'advice_adminCountNone' : 'advice_adminCountOne'),
    },
  ];
}

const COMMON_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'yahoo.com',
  'icloud.com',
  'live.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
];

/** Edit distance between two short strings (Damerau: a swap of neighbours counts once). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const EMAIL_FORMAT = /^[^\s@<>,;]+@[^\s@<>,;]+\.[a-z]{2,}$/i;

/** What the register knows, for the email check (the companion frame asks the background for it). */
export interface KnownParty {
  email: string | null;
  status: string;
}

/** Check one typed email: format, a likely typo of a common domain, already here, already known. */
export function emailAdvice(
  email: string,
  pageRows: readonly AccessRow[],
  register: readonly KnownParty[],
): Advice[] {
  const e = email.trim().toLowerCase();
  const out: Advice[] = [];
  if (!EMAIL_FORMAT.test(e)) {
    out.push({ level: 'warning', text: t('advice_emailFormat', email) });
    return out;
  }
  const domain = e.slice(e.lastIndexOf('@') + 1);
  if (!COMMON_DOMAINS.includes(domain)) {
    const near = COMMON_DOMAINS.find((d) => editDistance(domain, d) <= 2 && d !== domain);
    if (near) out.push({ level: 'warning', text: t('advice_emailTypo', near, domain) });
  }
  const onPage = pageRows.find((r) => r.email?.toLowerCase() === e);
  if (onPage)
    out.push({
      level: 'warning',
      text: t('advice_emailOnPage', e, statusWord(onPage.status)),
    });
  const known = register.find((k) => k.email === e);
  if (known)
    out.push({ level: 'info', text: t('advice_emailInRegister', e, statusWord(known.status)) });
  return out;
}
