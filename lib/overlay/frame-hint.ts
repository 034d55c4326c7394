/**
 * A reminder's hint, followed in the companion frame: the agent takes the hint off the address
 * bar and hands it over in the panel's state; the frame looks its grant up in the register (the
 * background answers only for a grant of the frame's own tab's Business Center) and starts the
 * matching checklist with the person or partner pre-selected (and, from a campaign's "Carry out",
 * the campaign item it carries out). The agent never asks the register.
 */
import type { OverlayStore } from './store';
import type { GrantHint } from '../messaging/companion';
import type { RunAsk } from './frame-run';
import { checklistForHint } from './hint';

/** Follow the hints the agent hands over in `store`; each grant is looked up once. */
export function followHints(
  store: OverlayStore,
  lookup: (grantId: string, itemId?: string) => Promise<GrantHint | null>,
  post: (ask: RunAsk) => void,
): () => void {
  const asked = new Set<string>();
  const take = async () => {
    const hint = store.getState().hint;
    if (!hint) return;
    const key = `${hint.action} ${hint.grantId} ${hint.itemId ?? ''}`;
    if (asked.has(key)) return;
    asked.add(key);
    const grant = await (
      hint.itemId ? lookup(hint.grantId, hint.itemId) : lookup(hint.grantId)
    ).catch(() => null);
    // Gone from the register, or of another Business Center: the user picks the checklist.
    if (!grant) return;
    const { id, facts } = checklistForHint(hint, grant);
    post({
      kind: 'start',
      checklist: id,
      facts,
      hintedFor: grant.name || grant.email || grant.bcId || '',
    });
  };
  void take();
  return store.subscribe((s, before) => {
    if (s.hint !== before.hint) void take();
  });
}
