import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { RegisterDb } from '@/lib/register';
import {
  EVIDENCE_CSV_COLUMNS,
  REGISTER_SCHEMA_VERSION,
  RegisterConflictError,
  ReviewInputError,
  buildEvidence,
  evidenceToCsv,
  historyOf,
  recordGrant,
  reviewGrant,
  updateGrant,
} from '@/lib/register';
import { registerDbEachTest } from '../helpers/register-db';

const T0 = new Date('2026-08-01T09:00:00.000Z');
const T1 = new Date('2026-09-01T09:00:00.000Z');
const T2 = new Date('2026-11-01T09:00:00.000Z');
const T3 = new Date('2026-11-20T09:00:00.000Z');

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

async function reviewedGrant() {
  const g = await recordGrant(
    db,
    {
      account: {
        kind: 'businessCenter',
        externalId: '7012345678901234567',
        name: 'Northwind',
        ownership: 'mine',
      },
      party: {
        kind: 'person',
        name: 'Dana Kim',
        email: 'dana@brightlane.com',
        organisation: '=cmd|calc',
      },
      bcRole: 'standard',
      assetRole: 'admin',
    },
    { source: 'manual', now: T0 },
  );
  const accepted = await updateGrant(
    db,
    g.id,
    1,
    { status: 'active' },
    { source: 'manual', now: T1 },
  );
  const lowered = await reviewGrant(
    db,
    g.id,
    accepted.rev,
    { decision: 'lower', note: 'Only runs campaigns now', lowerTo: { assetRole: 'operator' } },
    { source: 'manual', now: T2 },
  );
  const revoked = await reviewGrant(
    db,
    g.id,
    lowered.rev,
    { decision: 'revoke', note: 'Contract over' },
    { source: 'manual', now: T3 },
  );
  return { g, lowered, revoked };
}

describe('reviewGrant', () => {
  it('keeps the decision, the reason and the snapshot at sign-off in the reviewed event', async () => {
    const { g, lowered, revoked } = await reviewedGrant();
    expect(lowered).toMatchObject({
      assetRole: 'operator',
      lastReviewedAt: T2.toISOString(),
      status: 'active',
    });
    expect(revoked).toMatchObject({
      status: 'revoked',
      revokedAt: T3.toISOString(),
      nextReviewOn: null,
    });
    const history = await historyOf(db, g.id);
    expect(history.map((e) => [e.type, e.decision])).toEqual([
      ['invited', null],
      ['accepted', null],
      ['reviewed', 'lower'],
      ['reviewed', 'revoke'],
    ]);
    expect(history[2]).toMatchObject({
      note: 'Only runs campaigns now',
      before: { assetRole: 'admin' },
      after: { assetRole: 'operator', rev: 3 },
    });
  });

  it('refuses a review without a reason, a lowering without roles, and a stale revision', async () => {
    const { g } = await reviewedGrant();
    await expect(
      reviewGrant(db, g.id, 4, { decision: 'keep', note: '  ' }, { source: 'manual', now: T3 }),
    ).rejects.toThrow(ReviewInputError);
    await expect(
      reviewGrant(db, g.id, 4, { decision: 'lower', note: 'x' }, { source: 'manual', now: T3 }),
    ).rejects.toThrow(ReviewInputError);
    await expect(
      reviewGrant(db, g.id, 1, { decision: 'keep', note: 'x' }, { source: 'manual', now: T3 }),
    ).rejects.toThrow(RegisterConflictError);
  });
});

describe('evidence export', () => {
  it('gives every grant its full history and each review with decision, note and snapshot', async () => {
    const { g } = await reviewedGrant();
    const evidence = await buildEvidence(db, T3);
    expect(evidence).toMatchObject({
      format: 'access-companion-evidence',
      schemaVersion: REGISTER_SCHEMA_VERSION,
      generatedAt: T3.toISOString(),
    });
    expect(evidence.grants).toHaveLength(1);
    const item = evidence.grants[0]!;
    expect(item.account?.name).toBe('Northwind');
    expect(item.party?.email).toBe('dana@brightlane.com');
    expect(item.history).toHaveLength(4);
    expect(item.reviews).toEqual([
      expect.objectContaining({
        at: T2.toISOString(),
        decision: 'lower',
        note: 'Only runs campaigns now',
        snapshot: expect.objectContaining({ id: g.id, assetRole: 'operator', rev: 3 }),
      }),
      expect.objectContaining({
        at: T3.toISOString(),
        decision: 'revoke',
        note: 'Contract over',
        snapshot: expect.objectContaining({ status: 'revoked', rev: 4 }),
      }),
    ]);
  });

  it('as CSV: one row per event, formulas neutralised, snapshot kept as JSON', async () => {
    await reviewedGrant();
    const csv = evidenceToCsv(await buildEvidence(db, T3));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...EVIDENCE_CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(4);
    const review = parsed.data[2]!;
    expect(review).toMatchObject({
      event_type: 'reviewed',
      review_decision: 'lower',
      note: 'Only runs campaigns now',
      asset_role_after: 'operator',
      organisation: "'=cmd|calc",
    });
    expect(JSON.parse(review.snapshot_json!)).toMatchObject({ assetRole: 'operator', rev: 3 });
  });
});
