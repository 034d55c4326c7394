import { vi } from 'vitest';
import type { ChecklistRunner } from '@/lib/overlay/runner';
import type { OverlayStore } from '@/lib/overlay/store';
import { pageReadingOf } from '@/lib/overlay/frame-advice';
import { ChecklistRun, type ProgressKeeper } from '@/lib/overlay/frame-run';

/**
 * The companion frame's checklist engine beside a runner, wired as the agent and the frame are
 * (the runner's readings go to the engine, the engine names the active step back), with the
 * messages delivered at once instead of over the port. Both write `store`: the runner the page's
 * side (the step to outline, "I did this"), the engine the run's progress, so a test reads the
 * panel's whole state in one place.
 */
export function runBeside(
  runner: ChecklistRunner,
  store: OverlayStore,
  {
    keeper = { load: vi.fn(async () => null), save: vi.fn(async () => {}) },
    now,
  }: { keeper?: ProgressKeeper; now?: () => Date } = {},
): ChecklistRun {
  const run = new ChecklistRun(store, keeper, (active, read) => runner.follow(active, read), now);
  const reading = runner.onReading;
  runner.onReading = (r) => {
    // The frame reads the tables the agent took, as it does with every reading.
    run.setTable(pageReadingOf(r).table);
    reading(r);
  };
  runner.onObserved = (observed) => run.observe(observed);
  runner.onRoute = (orgId) => void run.route(orgId);
  return run;
}
