/** Seed data for the register's import and export tests. */
import type { RegisterDb, WriteContext } from '@/lib/register';
import { recordGrant, updateGrant } from '@/lib/register';

const T0 = new Date('2026-10-01T09:00:00.000Z');
const T1 = new Date('2026-10-15T09:00:00.000Z');
const T2 = new Date('2026-11-01T09:00:00.000Z');
const manual = (now: Date): WriteContext => ({ source: 'manual', now });

export const BC = {
  kind: 'businessCenter',
  externalId: '7012345678901234567',
  name: 'Northwind "Outdoor", Inc.',
  ownership: 'mine',
} as const;
export const AD = {
  kind: 'adAccount',
  externalId: '7100000000000000001',
  name: '=cmd|"/c calc"!A1',
  ownerBcId: '7012345678901234567',
  ownership: 'mine',
} as const;
export const DANA = {
  kind: 'person',
  name: 'Dana Kim',
  email: 'dana@brightlane.com',
  organisation: 'Brightlane',
} as const;

/**
 * A register as agencies have them: Dana revoked and re-invited on one account, a partner BC,
 * a person without an email, "me", and text that spreadsheets and parsers trip on.
 */
export async function seedEverydayRegister(target: RegisterDb) {
  const first = await recordGrant(
    target,
    { account: BC, party: DANA, bcRole: 'standard', status: 'active', goals: '  spaced  \n' },
    manual(T0),
  );
  const revoked = await updateGrant(target, first.id, first.rev, { status: 'revoked' }, manual(T1));
  const again = await recordGrant(
    target,
    { account: BC, party: DANA, bcRole: 'admin', status: 'invited', goals: "'+15% ROAS" },
    manual(T2),
  );
  await recordGrant(
    target,
    {
      account: AD,
      party: { kind: 'partnerBc', name: '@Brightlane BC', bcId: '7098765432109876543' },
      assetRole: 'operator',
      status: 'active',
      goals: '-5% CPA, "quoted", \u00e9t\u00e9 \u{1F680}\r\nsecond line',
    },
    manual(T0),
  );
  await recordGrant(
    target,
    {
      account: AD,
      party: { kind: 'person', name: 'Lee (no email)', organisation: "O'Brien & Co" },
      assetRole: 'analyst',
      status: 'active',
      goals: '\t=SUM(A1:A9)',
    },
    manual(T0),
  );
  await recordGrant(
    target,
    { account: AD, party: { kind: 'person', name: 'Me', isMe: true }, status: 'active' },
    manual(T0),
  );
  return { revoked, again };
}
