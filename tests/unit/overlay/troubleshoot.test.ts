import { describe, expect, it } from 'vitest';
import type { RegisterRowView } from '@/lib/messaging/companion';
import { diagnosePerson, personChoices, troubleshootView } from '@/lib/overlay/troubleshoot';
import type { AccessRow } from '@/lib/tiktok';
import { NORTHWIND_MEMBERS_PAGE_1 } from '../helpers/replica-expectations';

const rows: AccessRow[] = NORTHWIND_MEMBERS_PAGE_1;

let n = 0;
const known = (over: Partial<RegisterRowView>): RegisterRowView => ({
  grantId: `00000000-0000-4000-8000-00000000000${n++}`,
  rev: 1,
  partyKind: 'person',
  partyName: '',
  email: null,
  bcId: null,
  accountKind: 'businessCenter',
  accountExternalId: '7012345678901234567',
  bcRole: 'standard',
  assetRole: null,
  status: 'invited',
  invitedAt: '2026-11-01T09:00:00.000Z',
  ...over,
});

const register = [
  known({ partyName: 'Sam Ortiz', email: 'sam.ortiz@gmail.com' }),
  known({ partyName: 'Alex Moreno', email: 'alex@northwind-outdoor.com' }),
  known({ partyName: 'Jordan Lee', email: 'jordan@lee.example', status: 'invited' }),
  known({ partyName: 'Riley Chen', email: 'riley@northwind-outdoor.com', status: 'active' }),
  known({ partyKind: 'partnerBc', partyName: 'Brightlane', bcId: '7023456789012345678' }),
];

describe('troubleshoot: whom it is about', () => {
  it('offers the page’s pending and expired invitations, then the register’s invited people', () => {
    const choices = personChoices(rows, register);
    expect(choices.map((c) => [c.from, c.label])).toEqual([
      ['page', 'sam.ortiz@gmial.com'],
      ['page', '🦊 Fox Media 🎯 (team@foxmedia.io)'],
      ['register', 'Alex Moreno (alex@northwind-outdoor.com)'],
      ['register', 'Jordan Lee (jordan@lee.example)'],
      ['register', 'Sam Ortiz (sam.ortiz@gmail.com)'],
    ]);
    // Someone both pending on the page and invited under the same address is offered once.
    const same = personChoices(rows, [known({ partyName: 'Sam', email: 'sam.ortiz@gmial.com' })]);
    expect(same.map((c) => c.label)).toEqual([
      'sam.ortiz@gmial.com',
      '🦊 Fox Media 🎯 (team@foxmedia.io)',
    ]);
  });
});

describe('troubleshoot: what the page and the register say', () => {
  it('the address on the page differs from the register’s by a typo: flagged, with the typo named', () => {
    const d = diagnosePerson({ name: '', email: 'sam.ortiz@gmial.com' }, rows, register);
    expect(d).toMatchObject({
      pageEmail: 'sam.ortiz@gmial.com',
      registerEmail: 'sam.ortiz@gmail.com',
      emailsDiffer: true,
      pageStatus: 'pending',
      registerStatus: 'invited',
    });
    expect(d.emailNotes.map((a) => a.text)).toEqual([
      'Did you mean @gmail.com? You typed @gmial.com.',
    ]);
    // Chosen from the register side, the same pair is found.
    const fromRegister = diagnosePerson(
      { name: 'Sam Ortiz', email: 'sam.ortiz@gmail.com' },
      rows,
      register,
    );
    expect([fromRegister.pageEmail, fromRegister.emailsDiffer]).toEqual([
      'sam.ortiz@gmial.com',
      true,
    ]);
  });

  it('invited in the register but Active on the page: the page’s status is what counts', () => {
    const d = diagnosePerson(
      { name: 'Alex Moreno', email: 'alex@northwind-outdoor.com' },
      rows,
      register,
    );
    expect(d).toMatchObject({
      emailsDiffer: false,
      pageStatus: 'active',
      registerStatus: 'invited',
      emailNotes: [],
    });
  });

  it('not on this page, or not in the register, is said as such', () => {
    expect(
      diagnosePerson({ name: 'Jordan Lee', email: 'jordan@lee.example' }, rows, register),
    ).toMatchObject({ pageEmail: null, pageStatus: null, registerEmail: 'jordan@lee.example' });
    expect(
      diagnosePerson({ name: '🦊 Fox Media 🎯', email: 'team@foxmedia.io' }, rows, register),
    ).toMatchObject({
      pageEmail: 'team@foxmedia.io',
      pageStatus: 'expired',
      registerEmail: null,
      emailsDiffer: false,
    });
  });

  it('the view keeps the chosen person selectable even once they leave the list', () => {
    const none = troubleshootView(rows, register, undefined);
    expect([none.chosenKey, none.diagnosis]).toEqual([null, null]);
    const chosen = troubleshootView(rows, register, {
      name: 'Riley Chen',
      email: 'riley@northwind-outdoor.com',
    });
    expect(chosen.choices.at(-1)?.label).toBe('Riley Chen (riley@northwind-outdoor.com)');
    expect(chosen.chosenKey).toBe(chosen.choices.at(-1)?.key);
    expect(chosen.diagnosis?.pageStatus).toBe('active');
  });
});
