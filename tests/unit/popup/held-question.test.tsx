import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HeldAnswered, HeldQuestionCard, describeMyRow } from '@/components/popup/HeldQuestionCard';
import { IdentitySettings } from '@/components/options/IdentitySettings';
import { loadIdentity } from '@/lib/register/identity';
import type { HeldQuestion } from '@/lib/register/held-types';

const Q: HeldQuestion = {
  orgId: '7012345678901234567',
  bcName: 'Northwind Outdoor',
  email: 'dana@brightlane-agency.com',
  bcRole: 'standard',
  financeRole: null,
  status: 'active',
};

describe('HeldQuestionCard', () => {
  it('says my role and status there in words that fit', () => {
    expect(describeMyRow(Q)).toBe('You’re a member of Northwind Outdoor, with the Standard role.');
    expect(describeMyRow({ ...Q, status: 'invited', bcRole: 'admin' })).toBe(
      'You’re invited to Northwind Outdoor, with the Admin role (pending).',
    );
    expect(describeMyRow({ ...Q, bcRole: null, bcName: '' })).toBe(
      'You’re a member of Business Center 7012345678901234567.',
    );
    expect(describeMyRow({ ...Q, status: 'suspended' })).toBe(
      'You’re a member of Northwind Outdoor; your status there: Suspended.',
    );
  });

  it('asks in a labelled group and passes each answer on; a refusal is shown, not swallowed', async () => {
    const onAnswer = vi
      .fn()
      .mockResolvedValueOnce({ error: 'No question about this Business Center on this tab.' })
      .mockResolvedValue({ outcome: 'dismissed' });
    render(<HeldQuestionCard question={Q} onAnswer={onAnswer} />);
    const group = screen.getByRole('region', {
      name: 'Is this your Business Center or a client’s?',
    });
    expect(group.textContent).toContain('dana@brightlane-agency.com');
    fireEvent.click(screen.getByRole('button', { name: 'A client’s — track it' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Could not record it: No question about this Business Center on this tab.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Mine' }));
    // While an answer is on its way the buttons wait (no double answers).
    expect(screen.getByRole('button', { name: 'Not now' })).toHaveProperty('disabled', true);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Not now' })).toHaveProperty('disabled', false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(onAnswer.mock.calls).toEqual([['client'], ['mine'], ['dismiss']]));
  });

  it('after "A client’s", offers the grant in the register', () => {
    const onOpen = vi.fn();
    render(
      <HeldAnswered
        state={{ kind: 'recorded', name: 'Northwind Outdoor', grantId: 'g-1' }}
        onOpen={onOpen}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain(
      'Recorded: Northwind Outdoor is a client account you hold.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open it in the register' }));
    expect(onOpen).toHaveBeenCalledWith('g-1');
  });
});

describe('IdentitySettings (options)', () => {
  it('explains why, refuses what is not an email and saves the rest', async () => {
    render(<IdentitySettings />);
    const box = await screen.findByRole('textbox', { name: 'Sign-in emails' });
    expect(document.body.textContent).toContain('stay on this machine');
    fireEvent.change(box, { target: { value: 'Dana@Brightlane-Agency.com\nnot-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save emails' }));
    expect(await screen.findByText('Not an email address: not-an-email')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect((await loadIdentity()).emails).toEqual([]);

    fireEvent.change(box, { target: { value: 'Dana@Brightlane-Agency.com, me@home.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save emails' }));
    await waitFor(() =>
      expect(screen.getByTestId('identity-status').textContent).toBe('Saved (2).'),
    );
    expect((await loadIdentity()).emails).toEqual([
      'dana@brightlane-agency.com',
      'me@home.example',
    ]);
    expect((box as HTMLTextAreaElement).value).toBe('dana@brightlane-agency.com\nme@home.example');
  });
});
