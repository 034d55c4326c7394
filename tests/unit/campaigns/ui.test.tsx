import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CampaignsPage } from '@/components/campaigns/CampaignsPage';
import { readCampaignItems, startCampaign } from '@/lib/campaigns';
import { REGISTER_DB_NAME, closeRegisterDb, registerDb } from '@/lib/register/db';
import { dayAfter } from '@/lib/register/days';
import { recordGrant } from '@/lib/register/grants';
import { englishLeft, pseudo, spanish } from '../helpers/locale';

const now = new Date();
let campaignId = '';

/** An active member of the one Business Center, from an agency. */
const recordMember = (
  db: ReturnType<typeof registerDb>,
  name: string,
  bcRole: 'admin' | 'standard',
  assetRole: 'operator' | 'analyst',
) =>
  recordGrant(
    db,
    {
      account: {
        kind: 'businessCenter',
        externalId: '7012345678901234567',
        name: '北',
        ownership: 'mine',
      },
      party: { kind: 'person', name, email: null, organisation: '代理' },
      bcRole,
      assetRole,
      status: 'active',
      acceptedAt: now.toISOString(),
    },
    { source: 'manual', now },
  );

/** A review of everything, due in a week. */
const startEverything = (db: ReturnType<typeof registerDb>, reviewer: string) =>
  startCampaign(db, { scope: { kind: 'everything' }, reviewer, dueOn: dayAfter(now, 7) }, now);

beforeEach(async () => {
  // The page tells the background when the last item is decided; here a background listens and
  // says nothing (the fake browser rejects a message nobody hears, outside the page's reach).
  fakeBrowser.runtime.onMessage.addListener(() => undefined);
  closeRegisterDb();
  await Dexie.delete(REGISTER_DB_NAME);
  const db = registerDb();
  // Names without Latin letters, so any word left on screen outside the messages is a raw one.
  await recordMember(db, '一', 'admin', 'operator');
  await recordMember(db, '二', 'standard', 'operator');
  const c = await startEverything(db, '审');
  campaignId = c.id;
});

afterEach(() => {
  vi.restoreAllMocks();
  closeRegisterDb();
});

describe('the campaign view', () => {
  it('takes every word from the messages', async () => {
    pseudo();
    const { container } = render(<CampaignsPage campaignId={campaignId} />);
    await screen.findByTestId('item-panel');
    expect(englishLeft(container)).toEqual([]);
  });

  it('speaks Spanish, with no raw message names', async () => {
    spanish();
    const { container } = render(<CampaignsPage campaignId={campaignId} />);
    await screen.findByTestId('item-panel');
    expect(container.textContent).toContain('Revisión: Todo el registro');
    expect(container.textContent).toContain('0 de 2 decididos');
    expect(container.textContent).not.toMatch(/\b[a-z]+_[A-Za-z_]+\b/);
  });

  it('K on an Admin asks for the reason, then saves with Enter and moves on; K on Standard saves at once', async () => {
    render(<CampaignsPage campaignId={campaignId} />);
    const list = await screen.findByRole('listbox', { name: 'Items to review' });
    fireEvent.keyDown(list, { key: 'k' });
    const reason = await screen.findByLabelText('Reason');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    fireEvent.change(reason, { target: { value: 'Owner' } });
    fireEvent.submit(reason.closest('form')!);
    await waitFor(() =>
      expect(screen.getByTestId('campaign-progress').textContent).toBe('1 of 2 decided'),
    );
    fireEvent.keyDown(list, { key: 'k' });
    await waitFor(() =>
      expect(screen.getByTestId('campaign-progress').textContent).toBe('2 of 2 decided'),
    );
    const items = await readCampaignItems(registerDb(), campaignId);
    expect(items.map((i) => [i.party?.name, i.decision?.kind, i.decision?.reason])).toEqual([
      ['一', 'keep', 'Owner'],
      ['二', 'keep', ''],
    ]);
  });
});

describe('a campaign larger than its first screen', () => {
  it('lists its first items, then every item, with the count and progress of the whole', async () => {
    const db = registerDb();
    for (let i = 0; i < 70; i++)
      await recordMember(db, `P${String(i).padStart(2, '0')}`, 'standard', 'analyst');
    const big = await startEverything(db, 'R');
    render(<CampaignsPage campaignId={big.id} />);
    const progress = await screen.findByTestId('campaign-progress');
    await waitFor(() => expect(progress.textContent).toBe('0 of 72 decided'));
    expect(progress.dataset.complete).toBe('true');
    expect(screen.getByText('72 shown')).toBeTruthy();
  });
});
