/**
 * The engine that runs any checklist, apart from the checklists themselves (one file each in
 * this folder). Two pure functions are its heart. `advanceChecklist` reads the page: it asks
 * every step whether the page proves it now, in whatever order the proof arrives, and gathers
 * the facts (./facts.ts) that the register will record. `resolveSteps` weighs the evidence: a
 * proven step also proves the steps it implies (an `outcome` step, the flow's result, proves
 * every step before it), and the run moves to the furthest step the evidence reaches, so a flow
 * whose middle TikTok shows differently than expected still finishes, and is recorded, on its
 * outcome. See docs/checklists.md.
 */
import type { AccessTableReading } from '../tiktok/read-table';
import { sameParty } from '../tiktok/read-table';
import { gatherFacts } from './facts';
import type {
  Checklist,
  ChecklistId,
  ChecklistProgress,
  ChecklistStep,
  FlowFacts,
  FlowSubject,
  Observation,
  ResolvedSteps,
  StepEvidence,
  StepState,
} from './types';

/** A fresh run of a checklist; `facts` pre-selects e.g. whom it is about (a reminder's hint). */
export function startChecklist(
  id: ChecklistId,
  now: Date,
  facts: FlowFacts = {},
): ChecklistProgress {
  return {
    checklistId: id,
    done: [],
    manual: [],
    facts,
    startedAt: now.toISOString(),
    recordedGrantIds: null,
  };
}

/** The steps a step's proof directly proves besides itself (its `implies`; all before, for an outcome). */
export function impliedSteps(c: Checklist, step: ChecklistStep): string[] {
  const before = step.outcome
    ? c.steps
        .slice(0, c.steps.indexOf(step))
        .filter((s) => s.kind !== 'record' && s.kind !== 'later')
        .map((s) => s.id)
    : [];
  return [...before, ...(step.implies ?? [])];
}

/**
 * Weigh a run's evidence: every proven or user-marked step is done, and so is every step it
 * implies (transitively); the record step is done only once recorded. The run is at the first
 * step after the furthest one done (later steps aside), so proof that arrives out of order moves
 * it forward; at the record step, any step still open before it comes first (nothing is
 * recorded over a step nobody saw done). Pure: the same evidence gives the same states.
 */
export function resolveSteps(c: Checklist, evidence: StepEvidence): ResolvedSteps {
  const byId = new Map(c.steps.map((s) => [s.id, s]));
  const reached = new Set<string>();
  // The user may skip a record that failed: their word finishes the record step, nothing else.
  for (const id of evidence.manual) if (byId.get(id)?.kind === 'record') reached.add(id);
  const pending = [...evidence.proven, ...evidence.manual];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const step = byId.get(id);
    if (!step || reached.has(id)) continue;
    if (step.kind === 'record') continue; // only the write (or the user's skip) finishes it
    reached.add(id);
    pending.push(...impliedSteps(c, step));
  }
  for (const s of c.steps) if (s.kind === 'record' && evidence.recorded) reached.add(s.id);
  const finished = (s: ChecklistStep) => reached.has(s.id);
  const main = c.steps.filter((s) => s.kind !== 'later');
  let furthest = -1;
  main.forEach((s, i) => {
    if (finished(s)) furthest = i;
  });
  let active: ChecklistStep | null = main[furthest + 1] ?? null;
  const hole = main.find((s) => !finished(s)) ?? null;
  if (!active || (active.kind === 'record' && hole !== active)) active = hole;
  active ??= c.steps.find((s) => !finished(s)) ?? null;
  const manualOnly = new Set(evidence.manual.filter((id) => !evidence.proven.includes(id)));
  const states: ResolvedSteps['states'] = {};
  for (const s of c.steps) states[s.id] = finished(s) ? 'done' : s === active ? 'active' : 'todo';
  return {
    done: c.steps.filter((s) => finished(s) && !manualOnly.has(s.id)).map((s) => s.id),
    states,
    active,
  };
}

const evidenceOf = (p: ChecklistProgress): StepEvidence => ({
  proven: p.done,
  manual: p.manual,
  recorded: p.recordedGrantIds !== null,
});

/** The step the run is at (see {@link resolveSteps}), or null when all are done. */
export function activeStep(c: Checklist, p: ChecklistProgress): ChecklistStep | null {
  return resolveSteps(c, evidenceOf(p)).active;
}

/**
 * Read the page once for a run: every step not yet done is asked whether the page proves it now,
 * whatever its place in the list (proof arrives in any order); what comes after the record step
 * (an invitation accepted) waits for the record. The proven steps are then weighed with
 * {@link resolveSteps}, so a step proven also ticks the steps it implies.
 */
export function advanceChecklist(
  c: Checklist,
  p: ChecklistProgress,
  obs: Observation,
): ChecklistProgress {
  const facts = gatherFacts(obs, p.facts, c.removes);
  const recorded = p.recordedGrantIds !== null;
  const proven = new Set(p.done);
  const recordAt = c.steps.findIndex((s) => s.kind === 'record');
  c.steps.forEach((step, i) => {
    if (proven.has(step.id) || p.manual.includes(step.id) || step.kind === 'record') return;
    if (recordAt >= 0 && i > recordAt && !recorded) return;
    if (step.done?.(obs, facts)) proven.add(step.id);
  });
  const { done } = resolveSteps(c, { proven: [...proven], manual: p.manual, recorded });
  return { ...p, done, facts };
}

/** The state of every step, for the UI. */
export function stepStates(
  c: Checklist,
  p: ChecklistProgress,
  unrecognised: ReadonlySet<string> = new Set(),
): Record<string, StepState> {
  const resolved = resolveSteps(c, evidenceOf(p));
  const states: Record<string, StepState> = {};
  for (const s of c.steps) {
    const state = resolved.states[s.id] ?? 'todo';
    // The record step is the runner's to do: active, never "I did this" (a failed write offers
    // its own way on).
    states[s.id] =
      state === 'active' && s.kind !== 'record' && (!s.done || unrecognised.has(s.id))
        ? 'manual'
        : state;
  }
  return states;
}

/** Whether every step before the record step is done: the flow may be written down. */
export function readyToRecord(c: Checklist, p: ChecklistProgress): boolean {
  const active = activeStep(c, p);
  return active?.kind === 'record' && p.recordedGrantIds === null;
}

/** Whether the run is finished (everything but "later" steps done). */
export function checklistFinished(c: Checklist, p: ChecklistProgress): boolean {
  return c.steps.every(
    (s) => s.kind === 'later' || p.done.includes(s.id) || p.manual.includes(s.id),
  );
}

/**
 * The `recordWhenDone` step the page has now proven (after the run was recorded) and that is not
 * written to the register yet, or null.
 */
export function laterToRecord(c: Checklist, p: ChecklistProgress): ChecklistStep | null {
  if (p.recordedGrantIds === null) return null;
  return (
    c.steps.find(
      (s) => s.recordWhenDone && p.done.includes(s.id) && !(p.laterRecorded ?? []).includes(s.id),
    ) ?? null
  );
}

/** Whether a reading still shows `who` (for the record step's sanity). */
export function tableShows(table: AccessTableReading, who: FlowSubject): boolean {
  return table.rows.some((r) => sameParty(r, who));
}
