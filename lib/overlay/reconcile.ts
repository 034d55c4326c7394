/**
 * Reconcile on sight: compare the Members or Partners table on the page with what the register
 * holds for this Business Center, and say for each difference how one click would fix the
 * register. Pure: the card and the tests call the same function.
 */
import type { ReconcileUpdate, RegisterRowView } from '../messaging/companion';
import { formatNumber, t } from '@/lib/i18n';
import type { AccessRow, AccessTableReading } from '../tiktok';
import { statusWord } from '../tiktok';

/** One difference and, where the register can follow the page, the update that does it. */
export interface ReconcileFinding {
  key: string;
  kind: 'notInRegister' | 'roleDiffers' | 'statusDiffers' | 'stillPending' | 'goneFromPage';
  text: string;
  update: ReconcileUpdate | null;
}

/** How long an invitation may stay pending before the card points it out. */
export const PENDING_DAYS = 14;

const LIVE = new Set(['invited', 'active', 'suspended']);
const who = (r: AccessRow) => (r.email ? `${r.name || r.email} (${r.email})` : r.name);

function pageStatus(
  s: AccessRow['status'],
): 'invited' | 'active' | 'suspended' | 'expired' | 'rejected' | null {
  if (s === 'pending') return 'invited';
  if (s === 'unknown') return null;
  return s;
}

/** The differences between the table on the page and the register, one finding each. */
export function reconcile(
  table: AccessTableReading,
  register: readonly RegisterRowView[],
  ctx: { orgId: string; bcName: string | null; now: Date; kind: 'member' | 'partner' },
): ReconcileFinding[] {
  const findings: ReconcileFinding[] = [];
  const rows = table.rows.filter((r) => r.kind === ctx.kind);
  const mine = register.filter((g) =>
    ctx.kind === 'member'
      ? g.partyKind === 'person' && g.accountKind === 'businessCenter'
      : g.partyKind === 'partnerBc',
  );
  const matches = (r: AccessRow, g: RegisterRowView) =>
    ctx.kind === 'member'
      ? !!r.email && g.email === r.email.toLowerCase()
      : !!r.partnerBcId && g.bcId === r.partnerBcId;
  for (const r of rows) {
    const grants = mine.filter((g) => matches(r, g) && g.status !== 'revoked');
    // Partners tables show no status: a partner on the page has access.
    const status = ctx.kind === 'partner' ? 'active' : pageStatus(r.status);
    if (grants.length === 0) {
      if (
        !status ||
        (ctx.kind === 'member' && !r.email) ||
        (ctx.kind === 'partner' && !r.partnerBcId)
      )
        continue;
      findings.push({
        key: `add:${r.email ?? r.partnerBcId}`,
        kind: 'notInRegister',
        text: t('overlay_reconcileNotInRegister', who(r)),
        update: {
          kind: 'add',
          orgId: ctx.orgId,
          bcName: ctx.bcName,
          party:
            ctx.kind === 'member'
              ? { kind: 'person', email: r.email!, name: r.name }
              : { kind: 'partnerBc', bcId: r.partnerBcId!, name: r.name },
          bcRole: r.bcRole ?? null,
          status,
        },
      });
      continue;
    }
    const g = grants[0]!;
    if (ctx.kind === 'member' && r.bcRole && g.bcRole !== r.bcRole) {
      findings.push({
        key: `role:${g.grantId}`,
        kind: 'roleDiffers',
        text: t(
          'overlay_reconcileRole',
          who(r),
          t(r.bcRole === 'admin' ? 'role_bc_admin' : 'role_bc_standard'),
          g.bcRole === 'admin'
            ? t('role_bc_admin')
            : g.bcRole === 'standard'
              ? t('role_bc_standard')
              : t('overlay_reconcileNoRole'),
        ),
        update: { kind: 'update', grantId: g.grantId, rev: g.rev, patch: { bcRole: r.bcRole } },
      });
    } else if (status === 'active' && g.status === 'invited') {
      findings.push({
        key: `status:${g.grantId}`,
        kind: 'statusDiffers',
        text: t('overlay_reconcileAccepted', who(r)),
        update: { kind: 'update', grantId: g.grantId, rev: g.rev, patch: { status: 'active' } },
      });
    }
    if (status === 'invited' && g.status === 'invited' && g.invitedAt) {
      const days = Math.floor((ctx.now.getTime() - Date.parse(g.invitedAt)) / 86_400_000);
      if (days > PENDING_DAYS)
        findings.push({
          key: `pending:${g.grantId}`,
          kind: 'stillPending',
          text: t('overlay_reconcilePending', who(r), formatNumber(days)),
          update: null,
        });
    }
  }
  // Gone from the page: only when the page shows the whole table (no other pages, nothing unread).
  if (table.complete) {
    for (const g of mine) {
      if (!LIVE.has(g.status)) continue;
      const onPage = rows.some((r) => matches(r, g));
      if (onPage) continue;
      findings.push({
        key: `gone:${g.grantId}`,
        kind: 'goneFromPage',
        text: t(
          'overlay_reconcileGone',
          g.partyName || g.email || g.bcId || '',
          statusWord(g.status),
        ),
        update: { kind: 'update', grantId: g.grantId, rev: g.rev, patch: { status: 'revoked' } },
      });
    }
  }
  return findings;
}
