/**
 * Sample entries a new user can load to see the register working (and `npm start` loads), all
 * marked `source: 'sample'` so they can be told apart and dropped.
 */
import type { RegisterDb } from './db';
import type { GrantDraft } from './grants';
import { dayAfter, recordGrant } from './grants';

const NORTHWIND_BC = {
  kind: 'businessCenter',
  externalId: '7012345678901234567',
  name: 'Northwind Outdoor',
  ownership: 'mine',
} as const;

function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

function sampleDrafts(now: Date): GrantDraft[] {
  return [
    {
      account: NORTHWIND_BC,
      party: {
        kind: 'person',
        name: 'Dana Kim',
        email: 'dana@brightlane-agency.com',
        organisation: 'Brightlane Agency',
      },
      bcRole: 'standard',
      assetRole: 'operator',
      status: 'active',
      invitedAt: daysAgo(now, 45),
      acceptedAt: daysAgo(now, 44),
      goals: 'Runs prospecting campaigns; monthly ROAS report.',
    },
    {
      account: NORTHWIND_BC,
      party: {
        kind: 'person',
        name: 'Sam Ortiz',
        email: 'sam.ortiz@gmial.com',
        organisation: 'Freelance',
      },
      bcRole: 'standard',
      assetRole: 'analyst',
      status: 'invited',
      invitedAt: daysAgo(now, 9),
      goals: 'Reporting only.',
    },
    {
      account: NORTHWIND_BC,
      party: {
        kind: 'partnerBc',
        name: 'Brightlane Agency BC',
        bcId: '7098765432109876543',
        organisation: 'Brightlane Agency',
      },
      assetRole: 'operator',
      status: 'active',
      invitedAt: daysAgo(now, 120),
      acceptedAt: daysAgo(now, 119),
      contractEndsOn: dayAfter(now, 10),
    },
    {
      account: {
        kind: 'adAccount',
        externalId: '7100000000000000001',
        name: 'Cedar & Co Apparel – US',
        ownerBcId: '7055555555555555555',
        ownership: 'client',
      },
      party: { kind: 'person', name: 'Me', organisation: 'Brightlane Agency', isMe: true },
      bcRole: 'standard',
      assetRole: 'operator',
      status: 'active',
      invitedAt: daysAgo(now, 200),
      acceptedAt: daysAgo(now, 199),
    },
  ];
}

/** Load the sample entries unless the register already holds grants; returns how many were added. */
export async function loadSampleRegister(db: RegisterDb, now = new Date()): Promise<number> {
  // One transaction, so the check and the writes cannot interleave with another load (two
  // register tabs would otherwise both see an empty register and add the samples twice).
  return db.transaction('rw', [db.accounts, db.parties, db.grants, db.events], async () => {
    if ((await db.grants.count()) > 0) return 0;
    let added = 0;
    for (const draft of sampleDrafts(now)) {
      await recordGrant(db, draft, { source: 'sample', now, note: 'Sample entry' });
      added++;
    }
    return added;
  });
}
