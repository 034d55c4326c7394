import { describe, expect, it } from 'vitest';
import type { RegisterRowView } from '@/lib/messaging/companion';
import { reconcile } from '@/lib/overlay/reconcile';
import type { AccessRow } from '@/lib/tiktok';

const ORG = '7098765432109876543';
const NOW = new Date('2026-11-27T12:00:00Z');
const member = (
  email: string,
  bcRole: 'admin' | 'standard',
  status: AccessRow['status'],
): AccessRow => ({
  kind: 'member',
  name: email.split('@')[0]!,
  email,
  bcRole,
  status,
});
let n = 0;
const grant = (
  email: string,
  bcRole: 'admin' | 'standard',
  status: RegisterRowView['status'],
  invitedAt: string | null = null,
): RegisterRowView => ({
  grantId: `00000000-0000-4000-8000-00000000000${++n}`,
  rev: 1,
  partyKind: 'person',
  partyName: email,
  email,
  bcId: null,
  accountKind: 'businessCenter',
  accountExternalId: ORG,
  bcRole,
  assetRole: null,
  status,
  invitedAt,
});

describe('reconcile', () => {
  const rows = [
    member('lucia@tiendasol.mx', 'admin', 'active'),
    member('mateo@tiendasol.mx', 'admin', 'active'),
    member('ana@agencia-norte.es', 'standard', 'pending'),
    member('new@x.com', 'standard', 'active'),
  ];
  const register = [
    grant('lucia@tiendasol.mx', 'standard', 'active'),
    grant('ana@agencia-norte.es', 'standard', 'invited', '2026-10-01T00:00:00Z'),
    grant('new@x.com', 'standard', 'invited', '2026-11-20T00:00:00Z'),
    grant('gone@x.com', 'standard', 'active'),
    grant('old@x.com', 'standard', 'revoked'),
  ];
  const ctx = { orgId: ORG, bcName: 'Tienda Sol', now: NOW, kind: 'member' as const };

  it('finds each kind of difference, and only those', () => {
    const found = reconcile({ rows, complete: true, problems: [] }, register, ctx);
    expect(found.map((f) => [f.kind, f.text.split(' ')[0]])).toEqual([
      ['roleDiffers', 'lucia'],
      ['notInRegister', 'mateo'],
      ['stillPending', 'ana'],
      ['statusDiffers', 'new'],
      ['goneFromPage', 'gone@x.com'],
    ]);
    expect(found[0]!.update).toMatchObject({ kind: 'update', patch: { bcRole: 'admin' } });
    expect(found[1]!.update).toMatchObject({ kind: 'add', bcRole: 'admin', status: 'active' });
    expect(found[2]!.update).toBeNull();
    expect(found[3]!.update).toMatchObject({ patch: { status: 'active' } });
    expect(found[4]!.update).toMatchObject({ patch: { status: 'revoked' } });
  });

  it('says nothing is gone when the page shows only part of the table', () => {
    const found = reconcile({ rows, complete: false, problems: ['Only 10 of 14'] }, register, ctx);
    expect(found.some((f) => f.kind === 'goneFromPage')).toBe(false);
  });

  it('an agreeing register gives no findings', () => {
    const same = [member('lucia@tiendasol.mx', 'standard', 'active')];
    expect(reconcile({ rows: same, complete: true, problems: [] }, [register[0]!], ctx)).toEqual(
      [],
    );
  });
});
