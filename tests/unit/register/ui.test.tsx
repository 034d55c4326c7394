import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GrantDetail } from '@/components/register/GrantDetail';
import { draftFromFields } from '@/components/register/GrantForm';
import {
  REGISTER_DB_NAME,
  applyImport,
  closeRegisterDb,
  historyOf,
  parseImport,
  recordGrant,
  registerDb,
  updateGrant,
} from '@/lib/register';

const NOW = new Date('2026-11-27T10:00:00.000Z');

beforeEach(async () => {
  closeRegisterDb();
  await Dexie.delete(REGISTER_DB_NAME);
});
afterEach(() => closeRegisterDb());

async function dana() {
  return recordGrant(
    registerDb(),
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
        organisation: 'Brightlane',
      },
      bcRole: 'standard',
      assetRole: 'operator',
      status: 'active',
    },
    { source: 'manual', now: NOW },
  );
}

describe('GrantDetail', () => {
  it('says clearly when the grant changed elsewhere during an edit, and writes nothing', async () => {
    const g = await dana();
    render(<GrantDetail grantId={g.id} onClose={() => {}} />);
    const detail = await screen.findByTestId('grant-detail');
    fireEvent.click(within(detail).getByRole('button', { name: 'Edit' }));
    fireEvent.change(within(detail).getByLabelText('Ad account permission'), {
      target: { value: 'analyst' },
    });
    // Another tab changes the grant meanwhile.
    await act(() =>
      updateGrant(
        registerDb(),
        g.id,
        1,
        { goals: 'Changed elsewhere' },
        { source: 'manual', now: NOW },
      ),
    );
    fireEvent.click(within(detail).getByRole('button', { name: 'Save' }));
    expect(await within(detail).findByRole('status')).toHaveProperty(
      'textContent',
      'This grant was changed in another window or tab while you were editing. It now shows the latest version: check it and make your change again.',
    );
    const now = await registerDb().grants.get(g.id);
    expect(now).toMatchObject({ rev: 2, assetRole: 'operator', goals: 'Changed elsewhere' });
  });

  it('marks an invitation accepted and shows the new event', async () => {
    const g = await recordGrant(
      registerDb(),
      {
        account: { kind: 'adAccount', externalId: '7100000000000000001', ownership: 'mine' },
        party: { kind: 'person', email: 'sam@example.com' },
      },
      { source: 'manual', now: NOW },
    );
    render(<GrantDetail grantId={g.id} onClose={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark accepted' }));
    await waitFor(async () =>
      expect((await historyOf(registerDb(), g.id)).map((e) => e.type)).toEqual([
        'invited',
        'accepted',
      ]),
    );
    expect(await screen.findByText('Marked as accepted.')).toBeTruthy();
    const history = await screen.findByTestId('grant-history');
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2));
  });
});

describe('GrantDetail history from a file', () => {
  it('says which file brought an event, and when it was imported', async () => {
    const csv = [
      'account_kind,account_id,ownership,party_kind,name,email,status',
      'business_center,7012345678901234567,mine,person,Dana Kim,dana@brightlane.com,active',
    ].join('\n');
    const parsed = parseImport(csv, 'csv', { fileName: 'agency-handover.csv' });
    if (!parsed.ok) throw new Error('parse');
    await applyImport(registerDb(), parsed.plan, { now: NOW });
    const [g] = await registerDb().grants.toArray();
    render(<GrantDetail grantId={g!.id} onClose={() => {}} />);
    const marks = await screen.findAllByTestId('event-from-file');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toContain('agency-handover.csv');
  });
});

describe('GrantForm checks', () => {
  const base = {
    accountKind: 'businessCenter' as const,
    accountId: '7012345678901234567',
    accountName: '',
    ownerBcId: '',
    ownership: 'mine' as const,
    partyKind: 'person' as const,
    name: '',
    email: '',
    partnerBcId: '',
    organisation: '',
    bcRole: '' as const,
    financeRole: '' as const,
    assetRole: 'operator' as const,
    status: 'invited' as const,
    contractEndsOn: '',
    goals: '',
  };

  it('names each bad field', () => {
    expect(draftFromFields({ ...base, accountId: '12', email: 'nope' }).errors).toEqual({
      accountId: 'A TikTok ID is 6 to 25 digits.',
      email: 'Enter an email address like name@example.com.',
    });
    expect(draftFromFields(base).errors).toEqual({ name: 'Give at least a name or an email.' });
    expect(draftFromFields({ ...base, partyKind: 'partnerBc' }).errors).toEqual({
      partnerBcId: 'A TikTok ID is 6 to 25 digits.',
    });
  });

  it('records a client account I hold as held by me', () => {
    const result = draftFromFields({ ...base, ownership: 'client' });
    expect(result.draft?.party).toEqual({ kind: 'person', isMe: true, name: 'Me' });
    expect(result.draft?.account.ownership).toBe('client');
  });
});
