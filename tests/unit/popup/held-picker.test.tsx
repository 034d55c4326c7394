import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyBusinessCenters } from '@/components/options/MyBusinessCenters';
import { PickerAnswered, PickerQuestionCard } from '@/components/popup/PickerQuestionCard';
import {
  REGISTER_DB_NAME,
  closeRegisterDb,
  forgetBusinessCenterMine,
  listMyBusinessCenters,
  recordGrant,
  registerDb,
} from '@/lib/register';
import type { PickerCenter } from '@/lib/register/held-types';
import { seedAccount } from '../helpers/held';

// The picker's question in the popup; "Mine" undone in options.

const CENTERS: PickerCenter[] = [
  { orgId: '7098765432109876543', bcName: 'Tienda Sol', bcRole: 'standard' },
  { orgId: '7034567890123456789', bcName: '', bcRole: null },
];
const T0 = new Date('2026-11-27T10:00:00.000Z');

afterEach(async () => {
  closeRegisterDb();
  await Dexie.delete(REGISTER_DB_NAME);
});

describe('PickerQuestionCard', () => {
  it('asks in one labelled radio group per Business Center and sends only what was chosen', async () => {
    const onAnswer = vi
      .fn()
      .mockResolvedValueOnce({ error: 'Not asked on this tab: 7098765432109876543.' })
      .mockResolvedValue({ mine: 0, clients: 1, dismissed: 0, left: [] });
    render(<PickerQuestionCard centers={CENTERS} onAnswer={onAnswer} />);
    const card = screen.getByRole('region', { name: 'Which of these Business Centers are yours?' });
    const tienda = within(card).getByRole('group', { name: 'Tienda Sol · you’re Standard' });
    within(card).getByRole('group', { name: 'Business Center 7034567890123456789' });

    // Nothing chosen: nothing sent, and the card says why.
    fireEvent.click(within(card).getByRole('button', { name: 'Save answers' }));
    expect((await screen.findByRole('alert')).textContent).toContain('at least one');
    expect(onAnswer).not.toHaveBeenCalled();

    fireEvent.click(within(tienda).getByRole('radio', { name: 'A client’s — track it' }));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Save answers' }));
    // A refusal is shown, not swallowed.
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not record it: Not asked on this tab: 7098765432109876543.',
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Save answers' }));
    await waitFor(() => expect(onAnswer).toHaveBeenCalledTimes(2));
    expect(onAnswer.mock.calls[1]).toEqual([[{ orgId: CENTERS[0]?.orgId, answer: 'client' }]]);

    // "Not now" puts off every Business Center still shown.
    fireEvent.click(within(card).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(onAnswer).toHaveBeenCalledTimes(3));
    expect(onAnswer.mock.calls[2]).toEqual([
      CENTERS.map((c) => ({ orgId: c.orgId, answer: 'dismiss' })),
    ]);
  });

  it('says what was saved, and offers the register when clients’ were tracked', () => {
    const onOpen = vi.fn();
    const { rerender } = render(
      <PickerAnswered state={{ kind: 'saved', clients: 2, mine: 1 }} onOpen={onOpen} />,
    );
    expect(screen.getByRole('status').textContent).toContain(
      'Saved. Client accounts tracked: 2. Marked as yours: 1.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open the register' }));
    expect(onOpen).toHaveBeenCalled();
    rerender(<PickerAnswered state={{ kind: 'saved', clients: 0, mine: 1 }} onOpen={onOpen} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<PickerAnswered state={{ kind: 'dismissed' }} onOpen={onOpen} />);
    expect(screen.getByRole('status').textContent).toContain('Not asked again');
  });
});

describe('"Mine" can be undone', () => {
  it('lists my Business Centers; forgets only one without grants, so it is asked again', async () => {
    const db = registerDb();
    const empty = await seedAccount(db, '7067890123456789012', 'Evil BC', 'mine');
    const client = await seedAccount(db, '7055555555555555555', 'Cedar & Co', 'client');
    await recordGrant(
      db,
      {
        account: {
          kind: 'businessCenter',
          externalId: '7012345678901234567',
          name: 'Northwind Outdoor',
          ownerBcId: null,
          ownership: 'mine',
        },
        party: { kind: 'person', name: 'Sam Ortiz', email: 'sam@example.com' },
        bcRole: 'standard',
        status: 'active',
      },
      { source: 'manual', now: T0 },
    );
    const listed = await listMyBusinessCenters(db);
    expect(listed.map((m) => [m.account.name, m.grants])).toEqual([
      ['Evil BC', 0],
      ['Northwind Outdoor', 1],
    ]);
    const northwind = listed[1]?.account.id as string;
    expect(await forgetBusinessCenterMine(db, northwind, { now: T0 })).toBe(false);
    expect(await forgetBusinessCenterMine(db, client, { now: T0 })).toBe(false);
    expect(await forgetBusinessCenterMine(db, empty, { now: T0 })).toBe(true);
    expect((await db.accounts.get(empty))?.deletedAt).toBe(T0.toISOString());
    expect(await forgetBusinessCenterMine(db, empty, { now: T0 })).toBe(false);
    expect((await listMyBusinessCenters(db)).map((m) => m.account.name)).toEqual([
      'Northwind Outdoor',
    ]);
  });

  it('the options list forgets with its button and says so', async () => {
    await seedAccount(registerDb(), '7067890123456789012', 'Evil BC', 'mine');
    render(<MyBusinessCenters headingId="h" />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Not mine — ask again about Evil BC' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('mine-status').textContent).toBe(
        'Forgotten: you will be asked about Evil BC on your next visit.',
      ),
    );
    expect(await screen.findByTestId('mine-empty')).toBeTruthy();
  });
});
