/**
 * A reminder opens Business Center with a hint in the URL's fragment (lib/reminders/state.ts,
 * `#access-companion=lower|revoke&grant=GRANT_ID`; the fragment is never sent to TikTok). The
 * overlay reads it once, removes it from the address bar, and starts the matching checklist with
 * the person or partner pre-selected. A campaign's "Carry out" adds `&item=ITEM_ID`: the run then
 * carries that item's decision out. The grant itself is looked up through the background (the
 * overlay never opens IndexedDB).
 */
import type { GrantHint } from '../messaging/companion';
import type { ChecklistId, FlowFacts } from '../checklists';

/** What a hint in the fragment asks for; `itemId`: the campaign item the decision is of. */
export interface UrlHint {
  action: 'lower' | 'revoke';
  grantId: string;
  itemId?: string;
}

const HINT_KEY = 'access-companion';

/** The hint in `url`'s fragment, or null when there is none we act on. */
export function readHint(url: URL): UrlHint | null {
  if (!url.hash.includes(HINT_KEY)) return null;
  const params = new URLSearchParams(url.hash.slice(1));
  const action = params.get(HINT_KEY);
  const grantId = params.get('grant');
  if ((action !== 'lower' && action !== 'revoke') || !grantId) return null;
  const itemId = params.get('item');
  return itemId && /^[0-9a-f-]{36}$/.test(itemId)
    ? { action, grantId, itemId }
    : { action, grantId };
}

/** `url` without our hint; any other fragment TikTok uses is kept. */
export function withoutHint(url: URL): URL {
  const out = new URL(url.href);
  const params = new URLSearchParams(out.hash.slice(1));
  if (!params.has(HINT_KEY)) return out;
  params.delete(HINT_KEY);
  params.delete('grant');
  params.delete('item');
  const rest = params.toString();
  out.hash = rest ? `#${rest}` : '';
  return out;
}

/**
 * Take the hint off the address bar without a navigation: replaceState keeps the SPA router's
 * own history state, so Back and TikTok's routing behave as before.
 */
export function removeHint(win: Window): void {
  const url = new URL(win.location.href);
  if (!readHint(url)) return;
  const clean = withoutHint(url);
  // An empty fragment would leave a bare "#": write the URL without it.
  const href = clean.href.endsWith('#') ? clean.href.slice(0, -1) : clean.href;
  win.history.replaceState(win.history.state, '', href);
}

/** The checklist a hint leads to for this grant's party, with the party pre-selected. */
export function checklistForHint(
  hint: UrlHint,
  grant: GrantHint,
): { id: ChecklistId; facts: FlowFacts } {
  const partner = grant.partyKind === 'partnerBc';
  const id: ChecklistId =
    hint.action === 'lower'
      ? partner
        ? 'lower-partner'
        : 'lower-member'
      : partner
        ? 'revoke-partner'
        : 'revoke-member';
  const subject: NonNullable<FlowFacts['subject']> = {
    name: grant.name,
    ...(grant.email ? { email: grant.email } : {}),
    ...(grant.bcId ? { partnerBcId: grant.bcId } : {}),
    ...(grant.bcRole ? { bcRole: grant.bcRole } : {}),
  };
  return {
    id,
    facts: { subject, ...(grant.campaignItemId ? { campaignItemId: grant.campaignItemId } : {}) },
  };
}
