/**
 * Advice on the spot while a checklist runs: the least privilege for the job, warnings for Admin
 * and for a Business Center about to have fewer than two Admins, and a check of the email typed
 * (format, likely typos of common domains, already on the page, already in the register).
 */
import type { AccessRow } from './read-table';

/** One piece of advice, with how loudly to say it. */
export interface Advice {
  level: 'info' | 'warning';
  text: string;
}

/** Advice for the Business Center role chosen for a new member. */
export function bcRoleAdvice(role: 'admin' | 'standard' | undefined): Advice[] {
  const out: Advice[] = [
    {
      level: 'info',
      text: 'Least privilege: Standard plus Operator on the ad accounts runs campaigns; Analyst is for reporting; Admin only to manage users, finance or settings.',
    },
  ];
  if (role === 'admin')
    out.push({
      level: 'warning',
      text: 'Admin can add and remove people, change finance and settings. Give it only to someone who must manage the Business Center itself.',
    });
  return out;
}

/** Advice for the permission chosen on ad accounts. */
export function assetRoleAdvice(roles: ReadonlyArray<'admin' | 'operator' | 'analyst'>): Advice[] {
  if (!roles.includes('admin')) return [];
  return [
    {
      level: 'warning',
      text: 'Admin on an ad account also manages its finance and settings. Operator is enough to run campaigns.',
    },
  ];
}

/** Ownership vs access, said once where partners are concerned. */
export const OWNERSHIP_NOTE: Advice = {
  level: 'info',
  text: 'Sharing an ad account with a partner gives access, not ownership: the ad account stays in your Business Center, and you can remove the partner at any time.',
};

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
      text: `This would leave ${left.length === 0 ? 'no' : 'only one'} active Admin in this Business Center. Keep at least two, so losing one account never locks you out.`,
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
function distance(a: string, b: string): number {
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

/** What the register knows, for the email check (from overlay:registerFor). */
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
    out.push({ level: 'warning', text: `“${email}” is not an email address.` });
    return out;
  }
  const domain = e.slice(e.lastIndexOf('@') + 1);
  if (!COMMON_DOMAINS.includes(domain)) {
    const near = COMMON_DOMAINS.find((d) => distance(domain, d) <= 2 && d !== domain);
    if (near) out.push({ level: 'warning', text: `Did you mean @${near}? You typed @${domain}.` });
  }
  const onPage = pageRows.find((r) => r.email?.toLowerCase() === e);
  if (onPage)
    out.push({
      level: 'warning',
      text: `${e} is already a member of this Business Center (${onPage.status}).`,
    });
  const known = register.find((k) => k.email === e);
  if (known)
    out.push({ level: 'info', text: `${e} is already in your register (${known.status}).` });
  return out;
}
