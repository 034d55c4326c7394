import { describe, expect, it, vi } from 'vitest';
import { createOverlayStore } from '@/lib/overlay/store';
import type { RegisterRowView } from '@/lib/messaging/companion';
import { RegisterAdvisor, runAdvice, type PageReading } from '@/lib/overlay/frame-advice';
import { t } from '@/lib/i18n';
import type { AccessRow, AccessTableReading } from '@/lib/tiktok/read-table';
import { bcRoleAdvice } from '@/lib/tiktok';
import { startChecklist } from '@/lib/checklists';

const ORG = '7012345678901234567';
const row = (email: string): RegisterRowView => ({
  grantId: `g-${email}`,
  rev: 1,
  partyKind: 'person',
  partyName: email,
  email,
  bcId: null,
  accountKind: 'businessCenter',
  accountExternalId: ORG,
  bcRole: 'standard',
  assetRole: null,
  status: 'active',
  invitedAt: null,
});
const reading = (orgId: string | null): PageReading => ({
  pageKind: 'bc-members',
  orgId,
  bcName: 'Tienda Sol',
  table: {
    rows: [{ kind: 'member', name: 'Ana', email: 'ana@example.com', status: 'active' }],
    complete: true,
    problems: [],
  },
});

function setUp(answerOrg: string | null) {
  const store = createOverlayStore('bc-members');
  const rows = vi.fn(async () => ({ orgId: answerOrg, rows: [row('known@example.com')] }));
  const advisor = new RegisterAdvisor(store, { rows, apply: async () => ({ grantIds: [] }) });
  const progress = startChecklist('add-member', new Date(), {
    emails: ['known@example.com'],
    bcRole: 'admin',
  });
  // The run is the frame's own (lib/overlay/frame-run.ts); advice from the agent is not taken:
  // the frame works it out.
  store.getState().set({ progress });
  advisor.takeState({ advice: [{ level: 'info', text: 'from the agent' }] });
  return { store, advisor, rows };
}

describe('the register checks in the companion frame', () => {
  it('find the typed email in the register and the page’s rows missing from it', async () => {
    const { store, advisor, rows } = setUp(ORG);
    advisor.setReading(reading(ORG));
    await vi.waitFor(() => expect(store.getState().reconcile.length).toBeGreaterThan(0));
    expect(rows).toHaveBeenCalledTimes(1);
    const texts = store.getState().advice.map((a) => a.text);
    expect(texts.some((t) => t.includes('known@example.com'))).toBe(true);
    // The advice on the run's choices follows the email check.
    expect(texts.slice(-2)).toEqual(bcRoleAdvice('admin').map((a) => a.text));
    expect(texts).not.toContain('from the agent');
    expect(
      store
        .getState()
        .reconcile.map((f) => f.key)
        .join(' '),
    ).toContain('ana@example.com');
  });

  it('use no rows answered for another Business Center than the page shows', async () => {
    const { store, advisor, rows } = setUp('7099999999999999999');
    advisor.setReading(reading(ORG));
    await vi.waitFor(() => expect(rows).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().reconcile).toEqual([]);
    expect(store.getState().advice).toEqual(bcRoleAdvice('admin'));
  });

  it('ask for no rows when the page header disagrees with the address (no org read)', async () => {
    const { store, advisor, rows } = setUp(ORG);
    advisor.setReading(reading(null));
    await new Promise((r) => setTimeout(r, 0));
    expect(rows).not.toHaveBeenCalled();
    expect(store.getState().reconcile).toEqual([]);
  });
});

describe('the advice on a run’s choices, worked out in the frame', () => {
  const member = (name: string, bcRole: 'admin' | 'standard') =>
    ({ kind: 'member', name, email: `${name}@example.com`, bcRole, status: 'active' }) as const;
  const table = (rows: AccessRow[]): AccessTableReading => ({ rows, complete: true, problems: [] });

  it('warns before removing one of the last two Admins, from the page’s table', () => {
    const p = startChecklist('revoke-member', new Date(), {
      subject: { name: 'ana', email: 'ana@example.com', bcRole: 'admin' },
    });
    const rows = [member('ana', 'admin'), member('bo', 'admin'), member('cy', 'standard')];
    expect(runAdvice(p, table(rows)).map((a) => a.level)).toEqual(['warning']);
    expect(runAdvice(p, table([...rows, member('di', 'admin')]))).toEqual([]);
  });

  it('says when the permission chosen is not lower, in the roles’ own words', () => {
    const p = startChecklist('lower-member', new Date(), {
      subject: { name: 'ana', assetRole: 'operator' },
      assigned: { who: 'ana', role: 'admin' },
    });
    const [advice] = runAdvice(p, null);
    expect(advice?.level).toBe('warning');
    expect(advice?.text).toContain(t('role_asset_admin'));
    const lower = {
      ...p,
      facts: { ...p.facts, assigned: { who: 'ana', role: 'analyst' as const } },
    };
    expect(runAdvice(lower, null)).toEqual([]);
  });

  it('gives none without a run, and none for troubleshooting', () => {
    expect(runAdvice(null, null)).toEqual([]);
    expect(runAdvice(startChecklist('troubleshoot', new Date()), null)).toEqual([]);
  });
});
