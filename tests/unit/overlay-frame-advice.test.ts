import { describe, expect, it, vi } from 'vitest';
import { createOverlayStore } from '@/components/overlay/store';
import type { RegisterRowView } from '@/lib/background/checklist-handlers';
import { RegisterAdvisor, type PageReading } from '@/lib/overlay/frame-advice';
import { startChecklist } from '@/lib/tiktok';

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
  const progress = startChecklist('add-member', new Date(), { emails: ['known@example.com'] });
  advisor.takeState({ progress, advice: [{ level: 'info', text: 'page advice' }] });
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
    // The agent's advice follows the email check.
    expect(texts.at(-1)).toBe('page advice');
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
    expect(store.getState().advice.map((a) => a.text)).toEqual(['page advice']);
  });

  it('ask for no rows when the page header disagrees with the address (no org read)', async () => {
    const { store, advisor, rows } = setUp(ORG);
    advisor.setReading(reading(null));
    await new Promise((r) => setTimeout(r, 0));
    expect(rows).not.toHaveBeenCalled();
    expect(store.getState().reconcile).toEqual([]);
  });
});
