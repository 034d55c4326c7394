/**
 * The checklist engine weighs evidence, not order: for every checklist, the page's proof of its
 * steps is fed in every order it could arrive (every permutation, checked at every prefix), and
 * each time the states must be what the table of implications below says: a proven step and
 * everything it implies is done, nothing else is, and the run is at the step after the furthest
 * one done. The table is written here by hand, from what each proof shows on TikTok's page, so
 * a change to the checklists' data that alters what a proof implies fails here.
 */
import { describe, expect, it } from 'vitest';
import type { Checklist, ChecklistId, ChecklistProgress } from '@/lib/checklists';
import {
  CHECKLISTS,
  activeStep,
  checklistById,
  checklistFinished,
  readyToRecord,
  resolveSteps,
  startChecklist,
  stepStates,
} from '@/lib/checklists';

const REVOKE_MEMBER = ['open-members', 'find-remove', 'confirm-remove', 'enter-code'];
const REMOVE_PARTNER = (p: string) => ['open-partners', `${p}click-remove`, `${p}confirm-remove`];

/** What each step's proof directly implies, besides itself. */
const IMPLIES: Record<ChecklistId, Record<string, readonly string[]>> = {
  'add-member': {
    'open-invite': ['open-members'],
    'enter-email': ['open-invite'],
    'choose-role': ['open-invite'],
    'choose-accounts': ['open-invite'],
    // "Invitation sent": the whole invitation happened.
    confirm: ['open-members', 'open-invite', 'enter-email', 'choose-role', 'choose-accounts'],
  },
  'add-partner': {
    'open-add': ['open-partners'],
    'enter-bc-id': ['open-add'],
    'choose-accounts': ['open-add', 'enter-bc-id'],
    confirm: ['open-partners', 'open-add', 'enter-bc-id', 'choose-accounts'],
  },
  'revoke-member': {
    'find-remove': ['open-members'],
    'confirm-remove': ['find-remove'],
    // "Member removed", or their row gone from the table: Remove, Confirm and the code happened.
    'enter-code': REVOKE_MEMBER.slice(0, 3),
    'row-gone': REVOKE_MEMBER,
  },
  'revoke-partner': {
    'click-remove': ['open-partners'],
    'confirm-remove': REMOVE_PARTNER('').slice(0, 2),
    'row-gone': REMOVE_PARTNER(''),
  },
  'lower-member': {
    'open-edit': ['open-asset'],
    'choose-lower': ['open-edit'],
    save: ['open-asset', 'open-edit', 'choose-lower'],
  },
  'lower-partner': {
    'remove-click-remove': ['open-partners'],
    'remove-confirm-remove': REMOVE_PARTNER('remove-').slice(0, 2),
    'remove-row-gone': REMOVE_PARTNER('remove-'),
    'share-open-add': ['open-partners'],
    'share-enter-bc-id': ['share-open-add'],
    'share-choose-accounts': ['share-open-add', 'share-enter-bc-id'],
    // Sharing again proves the sharing, never that the partner was removed first.
    'share-confirm': [
      'open-partners',
      'share-open-add',
      'share-enter-bc-id',
      'share-choose-accounts',
    ],
  },
  troubleshoot: {},
};

function closure(id: ChecklistId, proven: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const todo = [...proven];
  while (todo.length > 0) {
    const s = todo.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    todo.push(...(IMPLIES[id][s] ?? []));
  }
  return out;
}

/** The step the run must be at, from the spec: after the furthest done; at the record, holes first. */
function expectedActive(c: Checklist, done: ReadonlySet<string>): string | null {
  const main = c.steps.filter((s) => s.kind !== 'later');
  const furthest = main.reduce((at, s, i) => (done.has(s.id) ? i : at), -1);
  const next = main[furthest + 1];
  const hole = main.find((s) => !done.has(s.id));
  if (next && !(next.kind === 'record' && hole !== next)) return next.id;
  return hole?.id ?? c.steps.find((s) => !done.has(s.id))?.id ?? null;
}

/** The steps whose proof the page can show, in the order the checklist lists them. */
const provable = (c: Checklist) =>
  c.steps.filter((s) => s.done && s.kind !== 'later' && s.kind !== 'record').map((s) => s.id);

const progressOf = (c: Checklist, done: string[], manual: string[] = []): ChecklistProgress => ({
  ...startChecklist(c.id, new Date('2026-11-27T10:00:00Z')),
  done,
  manual,
});

describe('the checklist engine: evidence in every order', () => {
  it('the table of implications covers every step the checklists can prove', () => {
    for (const c of CHECKLISTS) {
      for (const id of Object.keys(IMPLIES[c.id])) expect(provable(c)).toContain(id);
      for (const s of c.steps)
        for (const implied of IMPLIES[c.id][s.id] ?? [])
          expect(c.steps.map((x) => x.id)).toContain(implied);
    }
  });

  it.each(CHECKLISTS.map((c) => [c.id, provable(c).length] as const))(
    '%s: every order of its %i proofs gives the states the implications say',
    (id) => {
      const c = checklistById(id);
      const ids = provable(c);
      let checked = 0;
      const failures: string[] = [];
      // What the spec says for a set of proofs (the same whatever order they came in).
      const specFor = new Map<string, { done: Set<string>; text: string; ready: boolean }>();
      const spec = (arrived: readonly string[]) => {
        const key = [...arrived].sort().join(' ');
        let found = specFor.get(key);
        if (!found) {
          const done = closure(id, arrived);
          const active = expectedActive(c, done);
          const states = c.steps.map(
            (s) => `${s.id}:${done.has(s.id) ? 'done' : s.id === active ? 'active' : 'todo'}`,
          );
          const record = c.steps.findIndex((s) => s.kind === 'record');
          found = {
            done,
            text: `${c.steps.filter((s) => done.has(s.id)).map((s) => s.id)} @${active} ${states}`,
            ready: record >= 0 && c.steps.slice(0, record).every((s) => done.has(s.id)),
          };
          specFor.set(key, found);
        }
        return found;
      };
      const visit = (arrived: string[], before: Set<string>) => {
        const resolved = resolveSteps(c, { proven: arrived, manual: [], recorded: false });
        const want = spec(arrived);
        const got = `${resolved.done} @${resolved.active?.id ?? null} ${c.steps.map((s) => `${s.id}:${resolved.states[s.id]}`)}`;
        const p = progressOf(c, resolved.done);
        // Done: exactly the proven steps and what they imply, in checklist order; the run at the
        // step the spec says; written down exactly when everything before its record is done;
        // and proof never un-does a step.
        if (
          got !== want.text ||
          readyToRecord(c, p) !== want.ready ||
          (activeStep(c, p)?.id ?? null) !== (resolved.active?.id ?? null) ||
          [...before].some((s) => !want.done.has(s))
        )
          failures.push(`after ${arrived.join(' → ') || 'nothing'}: got ${got}, want ${want.text}`);
        checked++;
        for (const next of ids) if (!arrived.includes(next)) visit([...arrived, next], want.done);
      };
      visit([], new Set());
      expect(failures.slice(0, 5)).toEqual([]);
      // Every ordered selection of the proofs was weighed (n! orders, every prefix of each).
      let expected = 0;
      for (let k = 0, n = ids.length, term = 1; k <= n; k++, term *= n - k + 1) expected += term;
      expect(checked).toBe(expected);
    },
    // lower-partner's 8 proofs arrive in 40,320 orders (109,601 prefixes to weigh).
    60_000,
  );

  it.each([
    ['revoke-member', ['row-gone']],
    ['revoke-partner', ['row-gone']],
    ['add-member', ['confirm']],
    ['add-partner', ['confirm']],
    ['lower-member', ['save']],
    ['lower-partner', ['remove-row-gone', 'share-confirm']],
  ] as const)('%s: its outcome alone (%j) finishes every step before the record', (id, outcome) => {
    const c = checklistById(id);
    const p = progressOf(c, resolveSteps(c, { proven: outcome, manual: [], recorded: false }).done);
    expect(activeStep(c, p)?.kind).toBe('record');
    expect(readyToRecord(c, p)).toBe(true);
    const recorded = { ...p, done: [...p.done, 'record'], recordedGrantIds: ['g'] };
    expect(checklistFinished(c, recorded)).toBe(true);
  });

  it('revoke-member: "Member removed" proves Remove, Confirm and the code; the row leaving is still to see', () => {
    const c = checklistById('revoke-member');
    const resolved = resolveSteps(c, { proven: ['enter-code'], manual: [], recorded: false });
    expect(resolved.done).toEqual(REVOKE_MEMBER);
    expect(resolved.active?.id).toBe('row-gone');
  });

  it('lower-partner: a partner shared again before the removal was seen waits at the removal', () => {
    const c = checklistById('lower-partner');
    const p = progressOf(
      c,
      resolveSteps(c, { proven: ['share-confirm'], manual: [], recorded: false }).done,
    );
    expect(p.done).not.toContain('remove-row-gone');
    expect(activeStep(c, p)?.id).toBe('remove-click-remove');
    expect(readyToRecord(c, p)).toBe(false);
  });

  it.each(CHECKLISTS.map((c) => c.id))(
    '%s: "I did this" on a step finishes it and what it implies, and stays the user’s word',
    (id) => {
      const c = checklistById(id);
      for (const s of c.steps.filter((x) => x.kind !== 'record')) {
        const resolved = resolveSteps(c, { proven: [], manual: [s.id], recorded: false });
        const done = closure(id, [s.id]);
        expect(resolved.active?.id ?? null).toBe(expectedActive(c, done));
        for (const x of c.steps) expect(resolved.states[x.id] === 'done').toBe(done.has(x.id));
        // The user's word is kept as theirs, not as the page's proof.
        expect(resolved.done).not.toContain(s.id);
      }
    },
  );

  it('the record step is finished only by the write or by the user skipping it, never by proof', () => {
    const c = checklistById('revoke-member');
    const proven = ['row-gone', 'record'];
    expect(resolveSteps(c, { proven, manual: [], recorded: false }).states.record).toBe('active');
    expect(resolveSteps(c, { proven, manual: ['record'], recorded: false }).states.record).toBe(
      'done',
    );
    expect(resolveSteps(c, { proven, manual: [], recorded: true }).states.record).toBe('done');
  });

  it('the active step offers "I did this" when unrecognised, the record step never', () => {
    const c = checklistById('revoke-member');
    const p = progressOf(c, ['open-members']);
    expect(stepStates(c, p, new Set(['find-remove']))['find-remove']).toBe('manual');
    const atRecord = progressOf(
      c,
      resolveSteps(c, { proven: ['row-gone'], manual: [], recorded: false }).done,
    );
    expect(stepStates(c, atRecord, new Set(['record'])).record).toBe('active');
  });
});
