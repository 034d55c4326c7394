import { describe, expect, it } from 'vitest';
import type { RecordContext } from '@/lib/overlay/record-request';
import { laterRecordRequests, recordErrorText, recordRequests } from '@/lib/overlay/record-request';

const ctx: RecordContext = {
  orgId: '7012345678901234567',
  bcName: 'Northwind Outdoor',
  advertiserId: '7100000000000000001',
  pageHeading: 'Northwind US',
  rows: [
    { kind: 'member', name: 'Dana Kim', email: 'dana@brightlane-agency.com', status: 'active' },
  ],
};
const base = { checklist: expect.any(String), orgId: ctx.orgId, bcName: 'Northwind Outdoor' };

describe('recordRequests', () => {
  it('one invitation per email typed', () => {
    expect(
      recordRequests(
        'add-member',
        { emails: ['a@x.com', 'b@x.com'], bcRole: 'standard', accounts: [] },
        ctx,
      ),
    ).toEqual([
      {
        ...base,
        action: 'invite',
        party: { kind: 'person', email: 'a@x.com' },
        bcRole: 'standard',
        accounts: [],
      },
      {
        ...base,
        action: 'invite',
        party: { kind: 'person', email: 'b@x.com' },
        bcRole: 'standard',
        accounts: [],
      },
    ]);
  });

  it('a revocation names whom the removal was about', () => {
    expect(
      recordRequests(
        'revoke-member',
        { subject: { name: 'Dana Kim', email: 'dana@brightlane-agency.com', bcRole: 'standard' } },
        ctx,
      ),
    ).toEqual([
      {
        ...base,
        checklist: 'revoke-member',
        action: 'revoke',
        party: { kind: 'person', email: 'dana@brightlane-agency.com', name: 'Dana Kim' },
        bcRole: 'standard',
        accounts: [],
      },
    ]);
  });

  it('lowering a member finds their email in the table and names the ad account of the page', () => {
    expect(
      recordRequests('lower-member', { assigned: { who: 'Dana Kim', role: 'analyst' } }, ctx),
    ).toEqual([
      {
        ...base,
        action: 'changeRole',
        party: { kind: 'person', email: 'dana@brightlane-agency.com', name: 'Dana Kim' },
        accounts: [{ id: '7100000000000000001', name: 'Northwind US', role: 'analyst' }],
      },
    ]);
  });

  it('says what is missing instead of recording half a flow', () => {
    expect(recordRequests('add-member', {}, ctx)).toEqual({
      error: expect.stringMatching(/email/),
    });
    expect(recordRequests('revoke-partner', {}, ctx)).toEqual({
      error: expect.stringMatching(/partner/),
    });
    expect(recordRequests('add-partner', {}, ctx)).toEqual({
      error: expect.stringMatching(/Business Center ID/),
    });
    expect(recordRequests('troubleshoot', {}, ctx)).toEqual([]);
  });
});

describe('the accepted step and the background’s refusals', () => {
  it('an accepted invitation asks to activate only the emails the table shows Active', () => {
    const rows: RecordContext['rows'] = [
      { kind: 'member', name: '', email: 'a@x.com', status: 'active' },
      { kind: 'member', name: '', email: 'b@x.com', status: 'pending' },
    ];
    expect(
      laterRecordRequests(
        'add-member',
        'accepted',
        { emails: ['a@x.com', 'b@x.com'] },
        {
          ...ctx,
          rows,
        },
      ),
    ).toEqual([
      {
        ...base,
        checklist: 'add-member',
        action: 'accept',
        party: { kind: 'person', email: 'a@x.com' },
        accounts: [],
      },
    ]);
    expect(laterRecordRequests('add-partner', 'accepted', {}, ctx)).toEqual([]);
  });

  it('says each refusal in the user’s words, never the background’s English', () => {
    const coded = (code: string) => Object.assign(new Error('English text'), { code });
    expect(recordErrorText(coded('conflict'))).toBe(
      'the register changed meanwhile (another tab or window). Try again.',
    );
    expect(recordErrorText(coded('needsEmail'))).toBe('a member flow needs the person’s email.');
    expect(recordErrorText(new Error('Could not establish connection'))).toBe(
      'the extension did not answer. Try again.',
    );
    expect(recordErrorText(coded('somethingNew'))).toBe('the extension did not answer. Try again.');
    expect(recordErrorText(undefined)).toBe('the extension did not answer. Try again.');
  });
});
