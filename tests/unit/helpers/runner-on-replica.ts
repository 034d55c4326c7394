/**
 * A checklist runner following a replica's route as the page agent runs it: its page changes
 * observed, its clock, timers and animation frames faked (it batches the page's changes per
 * frame) while the replica's own window keeps its real ones. One set-up for every test that
 * drives the runner through a page.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { createOverlayStore } from '@/lib/overlay/store';
import type { OverlayStore } from '@/lib/overlay/store';
import { ChecklistRunner } from '@/lib/overlay/runner';
import type { ChecklistRun } from '@/lib/overlay/frame-run';
import type { StepState } from '@/lib/checklists';
import { activeStep, checklistById, stepStates } from '@/lib/checklists';
import type { PageKind } from '@/lib/tiktok/routes';
import type { ReplicaDom } from './replica-dom';
import { openReplica } from './replica-dom';
import { runBeside } from './run-beside';

export interface RunnerOnReplica {
  dom: ReplicaDom;
  store: OverlayStore;
  runner: ChecklistRunner;
  /** The companion frame's checklist engine beside it (see runBeside), writing the same store. */
  run: ChecklistRun;
  /** The running checklist's active step and the state the panel shows it in. */
  state: () => { id: string; state: StepState | undefined };
  /** End the route's observation and begin it afresh (a navigation away and back). */
  rerunRoute: () => Promise<void>;
  /** Stop the runner, give the real timers back and close the replica. */
  close: () => Promise<void>;
}

/** Open the replica at `url` and have a runner follow it; call `close` after the test. */
export async function runnerOnReplica(url: string, pageKind: PageKind): Promise<RunnerOnReplica> {
  const dom = await openReplica(url);
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'],
  });
  const store = createOverlayStore(pageKind);
  const runner = new ChecklistRunner(dom.document, store);
  const run = runBeside(runner, store);
  let route = new AbortController();
  runner.runRoute(dom.url(), route.signal);
  return {
    dom,
    store,
    runner,
    run,
    state: () => {
      const p = store.getState().progress!;
      const c = checklistById(p.checklistId);
      const step = activeStep(c, p)!;
      return {
        id: step.id,
        state: stepStates(c, p, new Set(store.getState().unrecognised))[step.id],
      };
    },
    rerunRoute: async () => {
      route.abort();
      route = new AbortController();
      runner.runRoute(dom.url(), route.signal);
    },
    close: async () => {
      route.abort();
      vi.useRealTimers();
      await dom.close();
    },
  };
}

/**
 * A runner on the replica at `url` for each test of the file (opened before, closed after); the
 * returned object reads the current test's.
 */
export function runnerOnReplicaEachTest(
  url: string,
  pageKind: PageKind,
): { readonly page: RunnerOnReplica; readonly dom: ReplicaDom } {
  let page: RunnerOnReplica | undefined;
  beforeEach(async () => {
    page = await runnerOnReplica(url, pageKind);
  });
  afterEach(() => page?.close());
  return {
    get page() {
      return page!;
    },
    get dom() {
      return page!.dom;
    },
  };
}
