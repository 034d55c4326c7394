/**
 * A run whose outcome the page proved is recorded only with the user's confirmation: the frame
 * shows what the register will be given with Record / Not now, writes on Record, finishes without
 * a write on Not now, and writes nothing for a run abandoned meanwhile.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CompanionPanel } from '@/components/overlay/CompanionPanel';
import { createOverlayStore } from '@/lib/overlay/store';
import type { AccountOwnershipView } from '@/lib/messaging/companion';
import type { PageReading } from '@/lib/overlay/frame-advice';
import type { RunAsk } from '@/lib/overlay/frame-run';
import { FlowRecorder } from '@/lib/overlay/frame-record';
import type { ChecklistId, FlowFacts } from '@/lib/checklists';
import { checklistById, startChecklist } from '@/lib/checklists';

const ORG = '7012345678901234567';
const NOW = new Date('2026-11-27T18:00:00.000Z');
const reading = (orgId: string | null = ORG): PageReading => ({
  pageKind: 'bc-members',
  orgId,
  bcName: 'Northwind Outdoor',
  table: { rows: [], complete: true, problems: [] },
  advertiserId: null,
  pageHeading: null,
});

/** A run with every step before its record step done: the page proved the outcome. */
function atRecordStep(id: ChecklistId, facts: FlowFacts) {
  const p = startChecklist(id, NOW, facts);
  const before = checklistById(id)
    .steps.filter((s) => s.kind !== 'record' && s.kind !== 'later')
    .map((s) => s.id);
  return { ...p, done: before };
}

function frameWith(
  owner: AccountOwnershipView['ownership'] = 'mine',
  record = vi.fn(async (_r: unknown) => ({ grantIds: ['g-1'] })),
) {
  const store = createOverlayStore('bc-members');
  const posted: RunAsk[] = [];
  const recorder = new FlowRecorder(
    store,
    {
      record,
      ownership: async (orgId) => ({ orgId, ownership: owner, name: null, myGrant: null }),
    },
    (m) => posted.push(m),
  );
  return { store, recorder, posted, record };
}

const revokeDana = atRecordStep('revoke-member', {
  subject: { email: 'dana@brightlane-agency.com', name: 'Dana', bcRole: 'standard' },
});

describe('the record question in the frame', () => {
  it('shows what will be recorded, and writes it only on Record', async () => {
    const { store, recorder, posted, record } = frameWith();
    recorder.setReading(reading());
    store.getState().set({ progress: revokeDana });
    await vi.waitFor(() =>
      expect(store.getState().recordAsk).toEqual([
        'Access removed: Dana (dana@brightlane-agency.com)',
      ]),
    );
    expect(record).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
    await recorder.confirm();
    expect(record).toHaveBeenCalledTimes(1);
    expect(record.mock.calls[0]![0]).toMatchObject({
      action: 'revoke',
      orgId: ORG,
      party: { kind: 'person', email: 'dana@brightlane-agency.com' },
    });
    expect(posted).toEqual([
      { kind: 'recorded', startedAt: revokeDana.startedAt, grantIds: ['g-1'] },
    ]);
    expect(store.getState().recordAsk).toBeNull();
  });

  it('Not now finishes the run on the user’s word without a write', async () => {
    const { store, recorder, posted, record } = frameWith();
    recorder.setReading(reading());
    store.getState().set({ progress: revokeDana });
    await vi.waitFor(() => expect(store.getState().recordAsk).not.toBeNull());
    recorder.decline();
    expect(posted).toEqual([{ kind: 'manual', step: 'record' }]);
    expect(store.getState().recordAsk).toBeNull();
    // The same run is not asked again while the agent's answer is on its way.
    store.getState().set({ progress: { ...revokeDana, facts: { ...revokeDana.facts } } });
    expect(store.getState().recordAsk).toBeNull();
    await recorder.confirm();
    expect(record).not.toHaveBeenCalled();
  });

  it('abandoning the run records nothing, and takes the question away', async () => {
    const { store, recorder, posted, record } = frameWith();
    recorder.setReading(reading());
    store.getState().set({ progress: revokeDana });
    await vi.waitFor(() => expect(store.getState().recordAsk).not.toBeNull());
    store.getState().set({ progress: null });
    expect(store.getState().recordAsk).toBeNull();
    await recorder.confirm();
    expect(record).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
  });

  it('an invitation lists each email with its roles; a refused write keeps the question', async () => {
    const record = vi.fn(async (_r: unknown) => {
      throw Object.assign(new Error('stale'), { code: 'conflict' });
    });
    const { store, recorder, posted } = frameWith('mine', record);
    recorder.setReading(reading());
    store.getState().set({
      progress: atRecordStep('add-member', {
        emails: ['ana@example.com', 'ben@example.com'],
        bcRole: 'standard',
        accounts: [{ id: '7100000000000000001', name: 'Spring sale', role: 'operator' }],
      }),
    });
    await vi.waitFor(() =>
      expect(store.getState().recordAsk).toEqual([
        'Invitation: ana@example.com — Standard, Spring sale: Operator',
        'Invitation: ben@example.com — Standard, Spring sale: Operator',
      ]),
    );
    await recorder.confirm();
    expect(store.getState().recordError).toMatch(/^Could not record it: /);
    expect(store.getState().recordAsk).toHaveLength(2);
    expect(posted).toEqual([]);
  });

  it('on a client’s Business Center, or with nothing to write, finishes without asking', async () => {
    const { store, recorder, posted, record } = frameWith('client');
    recorder.setReading(reading());
    store.getState().set({ progress: revokeDana });
    await vi.waitFor(() =>
      expect(posted).toEqual([{ kind: 'recorded', startedAt: revokeDana.startedAt, grantIds: [] }]),
    );
    expect(store.getState().recordAsk).toBeNull();
    expect(record).not.toHaveBeenCalled();
  });

  it('says why when the page shows no Business Center to record it in', async () => {
    const { store, recorder, record } = frameWith();
    recorder.setReading(reading(null));
    store.getState().set({ progress: revokeDana });
    expect(store.getState().recordError).toBe('This page does not name its Business Center.');
    expect(store.getState().recordAsk).toBeNull();
    expect(record).not.toHaveBeenCalled();
  });
});

describe('the record question in the panel', () => {
  it('is a labelled group with Record and Not now buttons, announced to screen readers', () => {
    const store = createOverlayStore('bc-members');
    const onRecord = vi.fn();
    const onDeclineRecord = vi.fn();
    render(
      <CompanionPanel
        store={store}
        onOpenRegister={() => {}}
        onRecord={onRecord}
        onDeclineRecord={onDeclineRecord}
      />,
    );
    act(() =>
      store.getState().set({
        progress: revokeDana,
        recordAsk: ['Access removed: Dana (dana@brightlane-agency.com)'],
      }),
    );
    const group = screen.getByRole('region', { name: 'Record this in your register?' });
    expect(
      within(group).getByText('Access removed: Dana (dana@brightlane-agency.com)'),
    ).toBeTruthy();
    expect(
      screen
        .getAllByRole('status')
        .some((s) => s.textContent?.includes('Record it in your register? Access removed: Dana')),
    ).toBe(true);
    const recordButton = within(group).getByRole('button', { name: 'Record' });
    recordButton.focus();
    expect(document.activeElement).toBe(recordButton);
    fireEvent.click(recordButton);
    expect(onRecord).toHaveBeenCalledTimes(1);
    fireEvent.click(within(group).getByRole('button', { name: 'Not now' }));
    expect(onDeclineRecord).toHaveBeenCalledTimes(1);
    // The record step's own "skip" stays away while the question is asked.
    expect(screen.queryByRole('button', { name: 'Skip recording' })).toBeNull();
  });
});
