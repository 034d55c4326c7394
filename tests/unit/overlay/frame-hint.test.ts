/**
 * A reminder's hint is looked up in the companion frame: the agent only hands it over in the
 * panel's state, and the frame starts the checklist with the person pre-selected.
 */
import { describe, expect, it, vi } from 'vitest';
import { createOverlayStore } from '@/lib/overlay/store';
import type { GrantHint } from '@/lib/messaging/companion';
import type { RunAsk } from '@/lib/overlay/frame-run';
import { followHints } from '@/lib/overlay/frame-hint';

const GRANT: GrantHint = {
  grantId: 'g-1',
  orgId: '7012345678901234567',
  partyKind: 'person',
  name: 'Dana Kim',
  email: 'dana@brightlane-agency.com',
  bcId: null,
  accountKind: 'businessCenter',
  accountExternalId: '7012345678901234567',
  assetRole: null,
  bcRole: 'standard',
  status: 'active',
};

describe('a reminder’s hint in the frame', () => {
  it('starts the matching checklist with the person pre-selected, once per hint', async () => {
    const store = createOverlayStore('bc-members');
    const posted: RunAsk[] = [];
    const lookup = vi.fn(async (_id: string) => GRANT);
    followHints(store, lookup, (m) => posted.push(m));
    expect(lookup).not.toHaveBeenCalled();
    store.getState().set({ hint: { action: 'revoke', grantId: 'g-1' } });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(lookup).toHaveBeenCalledWith('g-1');
    expect(posted[0]).toEqual({
      kind: 'start',
      checklist: 'revoke-member',
      facts: {
        subject: {
          name: 'Dana Kim',
          email: 'dana@brightlane-agency.com',
          bcRole: 'standard',
        },
      },
      hintedFor: 'Dana Kim',
    });
    // The same hint handed over again (a frame reloaded before the run began) is not asked again.
    store.getState().set({ hint: null });
    store.getState().set({ hint: { action: 'revoke', grantId: 'g-1' } });
    await new Promise((r) => setTimeout(r, 10));
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('does nothing for a grant the background does not give (gone, or another Business Center)', async () => {
    const store = createOverlayStore('bc-members');
    store.getState().set({ hint: { action: 'lower', grantId: 'g-2' } });
    const posted: RunAsk[] = [];
    const lookup = vi.fn(async (_id: string) => null);
    followHints(store, lookup, (m) => posted.push(m));
    await vi.waitFor(() => expect(lookup).toHaveBeenCalledWith('g-2'));
    await new Promise((r) => setTimeout(r, 10));
    expect(posted).toEqual([]);
  });
});
