import { createOverlayStore, type OverlayStore } from '@/components/overlay/store';
import type { RegisterRowView } from '@/lib/background/checklist-handlers';
import { RegisterAdvisor, type RegisterSource } from '@/lib/overlay/frame-advice';
import { panelState } from '@/lib/overlay/frame-bridge';
import type { ChecklistRunner } from '@/lib/overlay/runner';

/**
 * The companion frame's side of a runner, wired as the agent and the frame are: the runner's
 * readings and the agent store's state go to a frame store, whose register checks run on
 * `rows` (what the background answers the frame).
 */
export function companionFrame(
  runner: ChecklistRunner,
  agent: OverlayStore,
  source: Partial<RegisterSource> & { rows: () => Promise<RegisterRowView[]> },
  now?: () => Date,
): { frame: OverlayStore; advisor: RegisterAdvisor } {
  const frame = createOverlayStore(agent.getState().pageKind);
  const advisor = new RegisterAdvisor(
    frame,
    { apply: async () => ({ grantIds: [] }), ...source },
    now,
  );
  advisor.takeState(panelState(agent.getState()));
  agent.subscribe((s) => advisor.takeState(panelState(s)));
  runner.onReading = (reading) => advisor.setReading(reading);
  return { frame, advisor };
}
