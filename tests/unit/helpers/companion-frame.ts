import { createOverlayStore, type OverlayStore } from '@/components/overlay/store';
import type { RegisterRowView } from '@/lib/background/checklist-handlers';
import { RegisterAdvisor, type RegisterSource } from '@/lib/overlay/frame-advice';
import { panelState } from '@/lib/overlay/frame-bridge';
import type { ChecklistRunner } from '@/lib/overlay/runner';
import { readOrgId } from '@/lib/tiktok/routes';

/**
 * The companion frame's side of a runner, wired as the agent and the frame are: the runner's
 * readings and the agent store's state go to a frame store, whose register checks run on what
 * `rows` answers (as the background does, for the Business Center of the tab's URL).
 */
export function companionFrame(
  runner: ChecklistRunner,
  agent: OverlayStore,
  source: { rows: () => Promise<RegisterRowView[]>; apply?: RegisterSource['apply'] },
  now?: () => Date,
): { frame: OverlayStore; advisor: RegisterAdvisor } {
  const frame = createOverlayStore(agent.getState().pageKind);
  const tabOrg = () => readOrgId(new URL(runner['doc'].location.href));
  const advisor = new RegisterAdvisor(
    frame,
    {
      rows: async () => ({ orgId: tabOrg(), rows: await source.rows() }),
      apply: source.apply ?? (async () => ({ grantIds: [] })),
    },
    now,
  );
  advisor.takeState(panelState(agent.getState()));
  agent.subscribe((s) => advisor.takeState(panelState(s)));
  runner.onReading = (reading) => advisor.setReading(reading);
  return { frame, advisor };
}
