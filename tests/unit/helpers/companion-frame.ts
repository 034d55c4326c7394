import { createOverlayStore, type OverlayStore } from '@/lib/overlay/store';
import type {
  AccountOwnershipView,
  RecordFlowRequest,
  RegisterRowView,
} from '@/lib/messaging/companion';
import { pageReadingOf, RegisterAdvisor, type RegisterSource } from '@/lib/overlay/frame-advice';
import { panelState } from '@/lib/overlay/frame-bridge';
import { FlowRecorder } from '@/lib/overlay/frame-record';
import type { ChecklistRun } from '@/lib/overlay/frame-run';
import type { ChecklistRunner } from '@/lib/overlay/runner';
import { readOrgId } from '@/lib/tiktok/routes';
import { runBeside } from './run-beside';

/**
 * The companion frame's side of a runner, wired as the agent and the frame are: the runner's
 * readings and the agent store's state go to a frame store, where the checklists' engine runs
 * (naming the active step back to the runner) and whose register checks run on what `rows`
 * answers (as the background does, for the Business Center of the tab's URL); the frame's record
 * question writes through `record` and keeps what it recorded in the run.
 */
export function companionFrame(
  runner: ChecklistRunner,
  agent: OverlayStore,
  source: {
    rows: () => Promise<RegisterRowView[]>;
    apply?: RegisterSource['apply'];
    record?: (request: RecordFlowRequest) => Promise<{ grantIds: string[] }>;
    ownership?: (orgId: string) => Promise<AccountOwnershipView>;
  },
  now?: () => Date,
): { frame: OverlayStore; advisor: RegisterAdvisor; recorder: FlowRecorder; run: ChecklistRun } {
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
  runner.onReading = (agentReading) => {
    const reading = pageReadingOf(agentReading);
    advisor.setReading(reading);
    recorder.setReading(reading);
  };
  const run = runBeside(runner, frame, now ? { now } : {});
  const recorder = new FlowRecorder(
    frame,
    {
      record: source.record ?? (async () => ({ grantIds: [] })),
      ownership:
        source.ownership ??
        (async (orgId) => ({ orgId, ownership: null, name: null, myGrant: null })),
    },
    (ask) => run.ask(ask),
  );
  advisor.takeState(panelState(agent.getState()));
  agent.subscribe((s) => advisor.takeState(panelState(s)));
  return { frame, advisor, recorder, run };
}
