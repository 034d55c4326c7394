import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ReportRow } from '@/lib/campaigns';
import {
  REPORT_COLUMNS,
  buildCampaignReport,
  checkReportFile,
  decideItem,
  readCampaignItems,
  reportToCsv,
  reportToJson,
  rolesCell,
  rolesOfCell,
  startCampaign,
} from '@/lib/campaigns';
import type { RegisterDb } from '@/lib/register/db';
import { recordGrant } from '@/lib/register/grants';
import { registerDbEachTest } from '../helpers/register-db';
import { businessCenter } from '../helpers/grant-drafts';

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

const T0 = new Date('2027-03-01T09:00:00.000Z');
const NOW = new Date('2027-03-02T12:00:00.000Z');
const LATER = new Date('2027-03-03T15:30:00.000Z');
const BC = businessCenter('7012345678901234567', 'Northwind');

/** A campaign over two grants: one revoked (its reason a would-be formula), one kept then lowered. */
async function decidedCampaign() {
  await recordGrant(
    db,
    {
      account: BC,
      party: { kind: 'person', name: 'Dana Kim', email: 'dana@brightlane.com' },
      bcRole: 'admin',
      status: 'active',
    },
    { source: 'manual', now: T0 },
  );
  await recordGrant(
    db,
    {
      account: BC,
      party: { kind: 'person', name: 'Lee', email: 'lee@example.com', organisation: 'Acme' },
      bcRole: 'standard',
      status: 'active',
    },
    { source: 'manual', now: T0 },
  );
  const c = await startCampaign(
    db,
    { scope: { kind: 'everything' }, reviewer: 'Rita Reviewer', dueOn: '2027-03-20' },
    NOW,
  );
  const [first, second] = await readCampaignItems(db, c.id);
  const dana = first!.party?.name === 'Dana Kim' ? first! : second!;
  const lee = dana === first ? second! : first!;
  await decideItem(db, dana.id, dana.rev, { kind: 'revoke', reason: '=contract ended' }, NOW);
  const kept = await decideItem(db, lee.id, lee.rev, { kind: 'keep' }, NOW);
  await decideItem(db, lee.id, kept.rev, { kind: 'handOff', handTo: 'Priya' }, LATER);
  return c;
}

const report = async (id: string) =>
  (await buildCampaignReport(db, id, () => 'Everything in the register', LATER))!;

describe('the campaign report', () => {
  it('tells the campaign, each decision with its reason, who and when, and earlier decisions', async () => {
    const c = await decidedCampaign();
    const r = await report(c.id);
    expect(r.chainOk).toBe(true);
    expect(r.rows.map((row) => row.record)).toEqual(['campaign', 'item', 'item', 'digest']);
    expect(r.rows[0]).toMatchObject({
      campaign_id: c.id,
      scope: 'Everything in the register',
      reviewer: 'Rita Reviewer',
      due_on: '2027-03-20',
      snapshot_at: NOW.toISOString(),
    });
    const byName = (name: string) => r.rows.find((row) => row.party_name === name)!;
    expect(byName('Dana Kim')).toMatchObject({
      email: 'dana@brightlane.com',
      roles_at_snapshot: 'bc=admin;finance=;asset=',
      status_at_snapshot: 'active',
      decision: 'revoke',
      reason: '=contract ended',
      decided_by: 'Rita Reviewer',
      decided_at: NOW.toISOString(),
      earlier_decisions: '',
      applied_at: '',
      verified_at: '',
      history_chain: 'ok',
    });
    expect(byName('Lee')).toMatchObject({
      organisation: 'Acme',
      decision: 'handOff',
      hand_to: 'Priya',
      decided_at: LATER.toISOString(),
      earlier_decisions: `${NOW.toISOString()} keep by Rita Reviewer`,
    });
    for (const row of r.rows)
      expect(row.history_head === '' || /^[0-9a-f]{64}$/.test(row.history_head)).toBe(true);
  });

  it('carries how an item was carried out: applied, verified, done outside, contradicted', async () => {
    const c = await decidedCampaign();
    const [item, other] = await readCampaignItems(db, c.id);
    const at = LATER.toISOString();
    const shown = {
      orgId: item!.account!.externalId,
      advertiserId: null,
      table: 'members' as const,
      listed: false,
      bcRole: null,
      assetRole: null,
    };
    await db.campaignItems.put({
      ...item!,
      applied: { at, checklist: 'revoke-access' },
      verified: { at, ...shown },
      contradicted: { at, ...shown, listed: true, bcRole: 'admin' },
    });
    await db.campaignItems.put({
      ...other!,
      doneOutside: { at, reason: 'Removed by the client', by: 'Rita' },
    });
    const rows = (await report(c.id)).rows;
    expect(rows.find((x) => x.grant_id === item!.grantId)).toMatchObject({
      applied_at: at,
      applied_with: 'revoke-access',
      verified_at: at,
      verified_by_reading: JSON.stringify(shown),
      contradicted_at: at,
      contradicted_by_reading: JSON.stringify({ ...shown, listed: true, bcRole: 'admin' }),
      done_outside_at: '',
    });
    expect(rows.find((x) => x.grant_id === other!.grantId)).toMatchObject({
      applied_at: '',
      verified_at: '',
      done_outside_at: at,
      done_outside_reason: 'Removed by the client',
    });
  });

  it('says when a grant’s history chain does not check out', async () => {
    const c = await decidedCampaign();
    const [item] = await readCampaignItems(db, c.id);
    // The grant row changed outside the write path: its latest event no longer tells it.
    const g = (await db.grants.get(item!.grantId))!;
    await db.grants.put({ ...g, bcRole: g.bcRole === 'admin' ? 'standard' : 'admin' });
    const r = await report(c.id);
    expect(r.chainOk).toBe(false);
    expect(r.brokenChains.map((x) => x.grantId)).toEqual([item!.grantId]);
    const row = r.rows.find((x) => x.grant_id === item!.grantId)!;
    expect(row.history_chain).toMatch(/^broken: altered [0-9a-f-]{36}/);
  });
});

describe('checking a report file', () => {
  it('an untouched JSON or CSV report checks out; formula cells are neutralised in the CSV', async () => {
    const r = await report((await decidedCampaign()).id);
    const json = reportToJson(r);
    const csv = reportToCsv(r);
    expect(csv).toContain("'=contract ended");
    expect(csv.split('\r\n')[0]).toBe(REPORT_COLUMNS.join(','));
    for (const text of [json, csv])
      expect(checkReportFile(text)).toEqual({
        readable: true,
        ok: true,
        rows: 4,
        altered: [],
        digestOk: true,
        chainBroken: false,
      });
  });

  it('names the row edited in a JSON file', async () => {
    const r = await report((await decidedCampaign()).id);
    const file = JSON.parse(reportToJson(r)) as { rows: ReportRow[] };
    file.rows[2]!.decision = 'keep';
    const check = checkReportFile(JSON.stringify(file));
    expect(check).toMatchObject({ ok: false, altered: [3], digestOk: true });
  });

  it('names the row edited in a CSV file, and sees rows removed or reordered', async () => {
    const r = await report((await decidedCampaign()).id);
    const parsed = Papa.parse<string[]>(reportToCsv(r), { skipEmptyLines: true }).data;
    const reason = REPORT_COLUMNS.indexOf('reason');
    const edited = parsed.map((row, i) =>
      i === 2 ? row.map((cell, k) => (k === reason ? 'no reason' : cell)) : row,
    );
    expect(checkReportFile(Papa.unparse(edited))).toMatchObject({
      ok: false,
      altered: [2],
      digestOk: true,
    });
    const removed = parsed.filter((_, i) => i !== 1);
    expect(checkReportFile(Papa.unparse(removed))).toMatchObject({
      ok: false,
      altered: [],
      digestOk: false,
    });
    const reordered = [parsed[0]!, parsed[1]!, parsed[3]!, parsed[2]!, parsed[4]!];
    expect(checkReportFile(Papa.unparse(reordered))).toMatchObject({ ok: false, digestOk: false });
  });

  it('refuses what is not a report', () => {
    expect(checkReportFile('a,b\n1,2').readable).toBe(false);
    expect(checkReportFile('{"format":"something else","rows":[]}').readable).toBe(false);
  });
});

describe('a roles cell', () => {
  it('reads back the roles it was written from, and nothing it does not know', () => {
    const roles = { bcRole: 'standard', financeRole: 'analyst', assetRole: 'operator' } as const;
    expect(rolesOfCell(rolesCell(roles))).toEqual(roles);
    expect(rolesOfCell(rolesCell({ bcRole: 'admin', financeRole: null, assetRole: null }))).toEqual(
      { bcRole: 'admin', financeRole: null, assetRole: null },
    );
    expect(rolesOfCell('bc=owner;finance=;asset=constructor')).toEqual({
      bcRole: null,
      financeRole: null,
      assetRole: null,
    });
  });
});
