/**
 * What each checklist records when its run finishes, read from its own definition: the changes
 * it asks the register to write from the run's facts and the page, or the message saying what is
 * missing.
 */
import { describe, expect, it } from 'vitest';
import { CHECKLISTS, checklistById } from '@/lib/checklists';
import type { RecordPage } from '@/lib/checklists';

const page: RecordPage = {
  advertiserId: '7100000000000000001',
  pageHeading: 'Northwind US',
  rows: [
    { kind: 'member', name: 'Dana Kim', email: 'dana@brightlane-agency.com', status: 'active' },
  ],
};
const noPage: RecordPage = { advertiserId: null, pageHeading: null, rows: [] };
const partner = { name: 'Brightlane Agency', partnerBcId: '7098765432109876543' };

describe('what each checklist records', () => {
  it('every checklist with a record step says what is missing when the run saw nothing', () => {
    const recording = CHECKLISTS.filter((c) => c.steps.some((s) => s.kind === 'record'));
    expect(recording.map((c) => c.id)).toEqual([
      'add-member',
      'add-partner',
      'revoke-member',
      'revoke-partner',
      'lower-member',
      'lower-partner',
    ]);
    for (const c of recording) expect(c.records({}, noPage)).toHaveProperty('missing');
    expect(checklistById('troubleshoot').records({}, page)).toEqual([]);
  });

  it('adding a partner invites the BC ID entered, named when it is the partner picked', () => {
    const accounts = [
      { id: '7100000000000000001', name: 'Northwind US', role: 'analyst' as const },
    ];
    expect(
      checklistById('add-partner').records(
        { partnerBcId: partner.partnerBcId, subject: partner, accounts },
        page,
      ),
    ).toEqual([
      {
        action: 'invite',
        party: { kind: 'partnerBc', bcId: partner.partnerBcId, name: 'Brightlane Agency' },
        accounts,
      },
    ]);
    expect(
      checklistById('add-partner').records({ partnerBcId: '7011111111111111111' }, page),
    ).toEqual([
      { action: 'invite', party: { kind: 'partnerBc', bcId: '7011111111111111111' }, accounts: [] },
    ]);
  });

  it('lowering a partner changes the role of the partner the flow picked', () => {
    expect(checklistById('lower-partner').records({ subject: partner }, page)).toEqual([
      {
        action: 'changeRole',
        party: { kind: 'partnerBc', bcId: partner.partnerBcId, name: 'Brightlane Agency' },
        accounts: [],
      },
    ]);
  });

  it('removing a partner revokes the partner the flow picked', () => {
    expect(checklistById('revoke-partner').records({ subject: partner }, page)).toEqual([
      {
        action: 'revoke',
        party: { kind: 'partnerBc', bcId: partner.partnerBcId, name: 'Brightlane Agency' },
        accounts: [],
      },
    ]);
  });

  it('lowering a member needs the ad account the page is about', () => {
    const facts = { assigned: { who: 'dana@brightlane-agency.com', role: 'analyst' as const } };
    expect(checklistById('lower-member').records(facts, page)).toEqual([
      {
        action: 'changeRole',
        party: { kind: 'person', email: 'dana@brightlane-agency.com' },
        accounts: [{ id: '7100000000000000001', name: 'Northwind US', role: 'analyst' }],
      },
    ]);
    expect(checklistById('lower-member').records(facts, { ...page, advertiserId: null })).toEqual({
      missing: 'overlay_recordNoAssignment',
    });
  });

  it('an invitation is accepted once its row shows Active, and only then', () => {
    const accepted = checklistById('add-member').steps.find((s) => s.recordWhenDone);
    expect(accepted?.id).toBe('accepted');
    const rows: RecordPage['rows'] = [
      { kind: 'member', name: '', email: 'a@x.com', status: 'active' },
      { kind: 'member', name: '', email: 'b@x.com', status: 'pending' },
    ];
    expect(accepted?.recordWhenDone?.({ emails: ['a@x.com', 'b@x.com'] }, { rows })).toEqual([
      { action: 'accept', party: { kind: 'person', email: 'a@x.com' }, accounts: [] },
    ]);
  });
});
