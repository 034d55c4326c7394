import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { GrantHint } from '@/lib/messaging/companion';
import { checklistForHint, readHint, removeHint, withoutHint } from '@/lib/overlay/hint';
import { BC_MEMBERS_URL } from '../../fixtures/tiktok/replicas.mjs';

const GRANT = '0b7e2a3c-93a3-4f0e-9f35-2f1e6f0d9a11';

const grant = (over: Partial<GrantHint>): GrantHint => ({
  grantId: GRANT,
  orgId: '7012345678901234567',
  partyKind: 'person',
  name: 'Dana Kim',
  email: 'dana@brightlane-agency.com',
  bcId: null,
  accountKind: 'adAccount',
  accountExternalId: '7100000000000000001',
  assetRole: 'operator',
  bcRole: 'standard',
  status: 'active',
  ...over,
});

describe('reminder hints in the URL fragment', () => {
  it('reads lower and revoke hints, and nothing else', () => {
    const at = (hash: string) => readHint(new URL(`${BC_MEMBERS_URL}${hash}`));
    expect(at(`#access-companion=lower&grant=${GRANT}`)).toEqual({
      action: 'lower',
      grantId: GRANT,
    });
    expect(at(`#access-companion=revoke&grant=${GRANT}`)?.action).toBe('revoke');
    expect(at('')).toBeNull();
    expect(at('#tab=members')).toBeNull();
    expect(at(`#access-companion=review&grant=${GRANT}`)).toBeNull();
    expect(at('#access-companion=lower')).toBeNull();
  });

  it('removes only its own keys from the fragment', () => {
    const url = new URL(`${BC_MEMBERS_URL}#access-companion=lower&grant=${GRANT}`);
    expect(withoutHint(url).href).toBe(`${BC_MEMBERS_URL}`);
    const mixed = new URL(`${BC_MEMBERS_URL}#tab=members&access-companion=revoke&grant=${GRANT}`);
    expect(withoutHint(mixed).hash).toBe('#tab=members');
  });

  it('takes the hint off the address bar with replaceState, keeping the SPA router’s state', () => {
    const win = new Window({ url: `${BC_MEMBERS_URL}#access-companion=lower&grant=${GRANT}` });
    win.history.pushState({ route: 'members', key: 7 }, '', win.location.href);
    const before = win.history.length;
    removeHint(win as unknown as globalThis.Window);
    expect(win.location.href).toBe(BC_MEMBERS_URL);
    expect(win.history.state).toEqual({ route: 'members', key: 7 });
    expect(win.history.length).toBe(before); // replaced, not pushed
    void win.happyDOM.close();
  });

  it.each([
    ['lower', 'person', 'lower-member'],
    ['lower', 'partnerBc', 'lower-partner'],
    ['revoke', 'person', 'revoke-member'],
    ['revoke', 'partnerBc', 'revoke-partner'],
  ] as const)('%s for a %s starts %s with them pre-selected', (action, partyKind, checklist) => {
    const partner = partyKind === 'partnerBc';
    const g = grant(
      partner
        ? {
            partyKind,
            name: 'Brightlane Agency',
            email: null,
            bcId: '7023456789012345678',
            bcRole: null,
          }
        : { partyKind },
    );
    const { id, facts } = checklistForHint({ action, grantId: GRANT }, g);
    expect(id).toBe(checklist);
    expect(facts.subject).toEqual(
      partner
        ? { name: 'Brightlane Agency', partnerBcId: '7023456789012345678' }
        : { name: 'Dana Kim', email: 'dana@brightlane-agency.com', bcRole: 'standard' },
    );
  });
});
