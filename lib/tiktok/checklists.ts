/**
 * The guided checklists as data, apart from the UI that runs them: for each flow its steps, what
 * on TikTok's page proves a step done (read with the detectors in flow.ts, the table reader and
 * controls.ts), what that proof implies about other steps and the control to highlight: what
 * the page agent needs to advance a run. The words the panel shows are the companion frame's
 * (./checklist-words.ts).
 *
 * Two pure functions are the heart of the runner. `advanceChecklist` reads the page: it asks
 * every step whether the page proves it now, in whatever order the proof arrives, and gathers
 * the facts (emails, roles, accounts, whom a removal is about) that the register will record.
 * `resolveSteps` weighs the evidence: a proven step also proves the steps it implies (an
 * `outcome` step, the flow's result, proves every step before it), and the run moves to the
 * furthest step the evidence reaches, so a flow whose middle TikTok shows differently than
 * expected still finishes, and is recorded, on its outcome. See docs/checklists.md.
 */
import type { AssetRoleName, ChosenAccount } from './controls';
import {
  addPartnerStep,
  assignChoice,
  chosenAccounts,
  confirmationCodeField,
  dialogTitled,
  enteredPartnerBcId,
  findControl,
  findDialogButton,
  findNavLink,
  findPersonLink,
  findRowControl,
  findRowLink,
  permissionEdit,
  permissionEditField,
  removalDialog,
  removalSubject,
  rowMenuTrigger,
} from './controls';
import type { FlowState } from './flow';
import type { AccessRow, AccessTableReading } from './read-table';
import { sameParty } from './read-table';
import { rowDisappeared, tableReadable } from './flow';
import { fold, visibleText } from './dom';
import type { PageKind } from './routes';
import { LABELS } from './selectors';

/** What the page shows now, as the runner reads it after each batch of changes. */
export interface Observation {
  root: Document;
  pageKind: PageKind;
  flow: FlowState;
  table: AccessTableReading;
}

/** Whom a flow is about, as the table showed them when the flow picked them. */
export interface FlowSubject {
  name: string;
  email?: string;
  partnerBcId?: string;
  bcRole?: AccessRow['bcRole'];
  /** Their permission on the ad account whose page the flow runs on, as the table showed it. */
  assetRole?: AccessRow['assetRole'];
}

/** Facts gathered along a flow; plain data, kept with the progress across reloads. */
export interface FlowFacts {
  emails?: string[];
  bcRole?: 'admin' | 'standard';
  partnerBcId?: string;
  accounts?: ChosenAccount[];
  subject?: FlowSubject;
  /** The table's rows when the subject was picked, to see their row go. */
  baseline?: AccessRow[];
  /** The page the baseline was read on: a row is only gone from the same kind of table. */
  baselineKind?: PageKind;
  /**
   * The table as last read, on a flow that removes someone, while nobody is named yet: when a
   * removal never names whom it removes, the one row that leaves this table is whom.
   */
  lastTable?: { kind: PageKind; rows: AccessRow[] };
  /** A removal confirmation or a code step has been on show during the run. */
  removalSeen?: boolean;
  /**
   * Whom the table listed (lowercased emails, BC IDs) when the user named whom they add: listed
   * only afterwards, with the dialog closed, the addition happened (no success message needed).
   */
  listedBefore?: string[];
  /** For lowering a member's permission: the permission chosen. */
  assigned?: { who: string; role: AssetRoleName };
}

/** One step of a checklist. */
export interface ChecklistStep {
  id: string;
  /**
   * The control the user uses for this step, found afresh on every change (with the facts so
   * far, e.g. whom the flow is about); absent: none.
   */
  target?: (root: Document, facts?: FlowFacts) => Element | null;
  /** What proves the step done; absent: only the user can say ("I did this"). */
  done?: (obs: Observation, facts: FlowFacts) => boolean;
  /** `record`: the runner writes the register here. `later`: not needed to finish. */
  kind?: 'record' | 'later';
  /**
   * This step's proof is the flow's result (an invitation sent, the row gone from the table, the
   * new permission in the row): it proves every step before it, whatever the page showed of them.
   */
  outcome?: true;
  /** The steps this step's proof also proves (they must have happened for it to be shown). */
  implies?: readonly string[];
  /** A `later` step whose proof is written to the register too (e.g. invitation accepted). */
  recordWhenDone?: boolean;
}

/** The ids of every checklist. */
export type ChecklistId =
  | 'add-member'
  | 'add-partner'
  | 'revoke-member'
  | 'revoke-partner'
  | 'lower-member'
  | 'lower-partner'
  | 'troubleshoot';

/** One checklist: its steps and where it starts. */
export interface Checklist {
  id: ChecklistId;
  /** The page kinds on which it is offered. */
  offeredOn: readonly PageKind[];
  /**
   * Whom the flow takes away, when it removes someone: the runner then keeps the table's last
   * reading, so a removal that never names whom it removes is still seen in the row that leaves.
   */
  removes?: 'member' | 'partner';
  steps: readonly ChecklistStep[];
}

const on = (kind: PageKind) => (obs: Observation) => obs.pageKind === kind;
const success = (obs: Observation, kind: NonNullable<FlowState['success']>['kind']) =>
  obs.flow.success?.kind === kind;

// -- Steps shared by several checklists -----------------------------------------------------

const openMembers: ChecklistStep = {
  id: 'open-members',
  target: (root) => findNavLink(root, LABELS.members),
  done: on('bc-members'),
};

const openPartners: ChecklistStep = {
  id: 'open-partners',
  target: (root) => findNavLink(root, LABELS.partners),
  done: on('bc-partners'),
};

/** The record step (its words say what it records). */
const record: ChecklistStep = { id: 'record', kind: 'record' };

function subjectGone(obs: Observation, facts: FlowFacts): boolean {
  if (!facts.subject || !facts.baseline) return false;
  if (facts.baselineKind !== undefined && facts.baselineKind !== obs.pageKind) return false;
  return rowDisappeared(
    { rows: facts.baseline, complete: true, problems: [] },
    obs.table,
    facts.subject,
  );
}

const addPartnerSteps = (prefix: string, lower: boolean): ChecklistStep[] => [
  {
    id: `${prefix}open-add`,
    target: (root) => findControl(root, LABELS.addPartnersTitle),
    done: (obs, facts) => addPartnerStep(obs.root) !== null || facts.partnerBcId !== undefined,
    implies: ['open-partners'],
  },
  {
    id: `${prefix}enter-bc-id`,
    target: (root) => {
      const dialog = dialogTitled(root, LABELS.addPartnersTitle);
      return dialog?.querySelector('input') ?? null;
    },
    done: (obs, facts) => facts.partnerBcId !== undefined && addPartnerStep(obs.root) !== 'details',
    implies: [`${prefix}open-add`],
  },
  {
    id: `${prefix}choose-accounts`,
    target: (root) =>
      dialogTitled(root, LABELS.addPartnersTitle)?.querySelector('fieldset') ?? null,
    done: (_obs, facts) => (facts.accounts?.length ?? 0) > 0,
    implies: [`${prefix}open-add`, `${prefix}enter-bc-id`],
  },
  {
    id: `${prefix}confirm`,
    target: (root) => findDialogButton(root, LABELS.confirm),
    done: (obs, facts) => success(obs, 'partnerAdded') || partnerListed(obs, facts),
    // Sharing again, after a removal, proves the sharing only: not that the removal happened.
    ...(lower
      ? { implies: [`${prefix}choose-accounts`, 'open-partners'] }
      : { outcome: true as const }),
  },
];

const removePartnerSteps = (prefix: string): ChecklistStep[] => [
  {
    id: `${prefix}click-remove`,
    target: (root, facts) =>
      (facts?.subject ? findRowControl(root, facts.subject, LABELS.removeVerb) : null) ??
      findControl(root, LABELS.removeVerb) ??
      rowMenuTrigger(root, facts?.subject),
    done: (obs, facts) => facts.baseline !== undefined || obs.flow.removeConfirmation,
    implies: ['open-partners'],
  },
  {
    id: `${prefix}confirm-remove`,
    target: removalConfirmButton,
    done: (obs, facts) => success(obs, 'partnerRemoved') || subjectGone(obs, facts),
    outcome: true,
  },
  {
    id: `${prefix}row-gone`,
    done: subjectGone,
    outcome: true,
  },
];

/** The button that confirms a removal: Confirm, or the removal's own verb ("Remove", "Delete"). */
function removalConfirmButton(root: Document): Element | null {
  const dialog = removalDialog(root);
  return (
    (dialog
      ? findControl(root, [...LABELS.confirm, ...LABELS.removeVerb], { within: dialog })
      : null) ?? findDialogButton(root, LABELS.confirm)
  );
}

/** Who a reading lists, as keys comparable with what the user typed (emails, BC IDs). */
function listedKeys(table: AccessTableReading): string[] {
  return table.rows.flatMap((r) => [
    ...(r.email ? [r.email.toLowerCase()] : []),
    ...(r.partnerBcId ? [r.partnerBcId] : []),
  ]);
}

/** Whether the table now lists `key` (an email, a BC ID) that it did not list when it was typed. */
function newlyListed(obs: Observation, facts: FlowFacts, key: string): boolean {
  return (
    facts.listedBefore !== undefined &&
    !facts.listedBefore.includes(key) &&
    listedKeys(obs.table).includes(key)
  );
}

/** The invitation is listed: an email the user invited now has a row, the dialog closed. */
const invitationListed = (obs: Observation, facts: FlowFacts) =>
  obs.flow.inviteStep === null && (facts.emails ?? []).some((e) => newlyListed(obs, facts, e));

/** The partner is listed: the BC ID the user entered now has a row, the dialog closed. */
const partnerListed = (obs: Observation, facts: FlowFacts) =>
  facts.partnerBcId !== undefined &&
  addPartnerStep(obs.root) === null &&
  newlyListed(obs, facts, facts.partnerBcId);

const PERMISSION_RANK = { analyst: 0, operator: 1, admin: 2 } as const;

/** Whether `to` is a lower ad-account permission than `from` (unknown `from`: any change is). */
export function isLower(to: AssetRoleName, from: AccessRow['assetRole'] | undefined): boolean {
  return from === undefined || PERMISSION_RANK[to] < PERMISSION_RANK[from];
}

/** Whether the table now shows the flow's subject with the permission chosen for them. */
function rowShowsRole(table: AccessTableReading, facts: FlowFacts): boolean {
  const who = facts.subject;
  const role = facts.assigned?.role;
  return !!who && !!role && table.rows.some((r) => sameParty(r, who) && r.assetRole === role);
}

function subjectOf(row: AccessRow): FlowSubject {
  return {
    name: row.name,
    ...(row.email ? { email: row.email } : {}),
    ...(row.partnerBcId ? { partnerBcId: row.partnerBcId } : {}),
    ...(row.bcRole ? { bcRole: row.bcRole } : {}),
    ...(row.assetRole ? { assetRole: row.assetRole } : {}),
  };
}

// -- The checklists ---------------------------------------------------------------------------

/** Every checklist, in the order the panel offers them. */
export const CHECKLISTS: readonly Checklist[] = [
  {
    id: 'add-member',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [
      openMembers,
      {
        id: 'open-invite',
        target: (root) => findControl(root, LABELS.inviteTitle),
        done: (obs, facts) => obs.flow.inviteStep !== null || (facts.emails?.length ?? 0) > 0,
        implies: ['open-members'],
      },
      {
        id: 'enter-email',
        target: (root) =>
          dialogTitled(root, LABELS.inviteTitle)?.querySelector('textarea, input') ?? null,
        done: (_obs, facts) => (facts.emails?.length ?? 0) > 0,
        implies: ['open-invite'],
      },
      {
        id: 'choose-role',
        target: (root) =>
          dialogTitled(root, LABELS.inviteTitle)?.querySelector('input[type=radio]') ?? null,
        done: (_obs, facts) => facts.bcRole !== undefined,
        implies: ['open-invite'],
      },
      {
        id: 'choose-accounts',
        target: (root) =>
          findDialogButton(root, LABELS.next) ??
          dialogTitled(root, LABELS.inviteTitle)?.querySelector('fieldset') ??
          null,
        done: (obs, facts) =>
          (facts.accounts?.length ?? 0) > 0 ||
          (obs.flow.inviteStep === 'assets' && obs.flow.confirmShown),
        implies: ['open-invite'],
      },
      {
        id: 'confirm',
        target: (root) => findDialogButton(root, LABELS.confirm),
        done: (obs, facts) => success(obs, 'invited') || invitationListed(obs, facts),
        outcome: true,
      },
      record,
      {
        id: 'accepted',
        kind: 'later',
        recordWhenDone: true,
        done: (obs, facts) =>
          obs.table.rows.some(
            (r) =>
              r.status === 'active' && r.email !== undefined && facts.emails?.includes(r.email),
          ),
      },
    ],
  },
  {
    id: 'add-partner',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [openPartners, ...addPartnerSteps('', false), record],
  },
  {
    id: 'revoke-member',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    removes: 'member',
    steps: [
      openMembers,
      {
        id: 'find-remove',
        // Remove on show (a row's button, a details drawer's, an open row menu's item); else
        // the chosen person's row menu or details link; else any row's menu, or View.
        target: (root, facts) =>
          findControl(root, LABELS.removeVerb) ??
          (facts?.subject ? rowMenuTrigger(root, facts.subject) : null) ??
          (facts?.subject ? findPersonLink(root, facts.subject) : null) ??
          rowMenuTrigger(root) ??
          findControl(root, ['View', 'Ver', 'Lihat']),
        done: (obs, facts) => facts.baseline !== undefined || obs.flow.removeConfirmation,
        implies: ['open-members'],
      },
      {
        id: 'confirm-remove',
        target: removalConfirmButton,
        done: (obs) => obs.flow.confirmationCodeStep || success(obs, 'memberRemoved'),
        implies: ['find-remove'],
      },
      {
        id: 'enter-code',
        target: (root) => confirmationCodeField(root),
        done: (obs, facts) => success(obs, 'memberRemoved') || subjectGone(obs, facts),
        outcome: true,
      },
      {
        id: 'row-gone',
        done: subjectGone,
        outcome: true,
      },
      record,
    ],
  },
  {
    id: 'revoke-partner',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    removes: 'partner',
    steps: [openPartners, ...removePartnerSteps(''), record],
  },
  {
    id: 'lower-member',
    offeredOn: ['bc-asset-access'],
    steps: [
      {
        id: 'open-asset',
        target: (root) => findNavLink(root, ['Ad accounts', 'Cuentas publicitarias', 'Akun iklan']),
        done: (obs) => obs.pageKind === 'bc-asset-access',
      },
      {
        id: 'open-edit',
        target: (root, facts) =>
          (facts?.subject ? findRowControl(root, facts.subject, LABELS.editPermission) : null) ??
          findControl(root, LABELS.editPermission),
        done: (obs, facts) => permissionEdit(obs.root) !== null || facts.assigned !== undefined,
        implies: ['open-asset'],
      },
      {
        id: 'choose-lower',
        target: (root) => permissionEditField(root),
        done: (_obs, facts) =>
          facts.assigned !== undefined && isLower(facts.assigned.role, facts.subject?.assetRole),
        implies: ['open-edit'],
      },
      {
        id: 'save',
        target: (root) => findDialogButton(root, LABELS.save),
        done: (obs, facts) =>
          facts.assigned !== undefined &&
          permissionEdit(obs.root) === null &&
          (rowShowsRole(obs.table, facts) || success(obs, 'saved')),
        outcome: true,
      },
      record,
    ],
  },
  {
    id: 'lower-partner',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    removes: 'partner',
    steps: [
      openPartners,
      ...removePartnerSteps('remove-'),
      ...addPartnerSteps('share-', true),
      record,
    ],
  },
  {
    id: 'troubleshoot',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [
      {
        id: 'invitation-email',
      },
      {
        id: 'invitation-resend',
        // The chosen person's Resend (in their details), else their email link in Members; with
        // nobody chosen, the first pending invitation's.
        target: (root, facts) =>
          findDialogButton(root, LABELS.resend) ??
          (facts?.subject
            ? findPersonLink(root, facts.subject)
            : findRowLink(root, [...LABELS.status.pending, ...LABELS.status.expired])),
        done: (obs) => success(obs, 'resent'),
      },
      {
        id: 'wrong-permission',
      },
      {
        id: 'sees-nothing',
      },
      {
        id: 'cannot-access',
      },
    ],
  },
];

/** The checklist with this id. */
export function checklistById(id: ChecklistId): Checklist {
  const found = CHECKLISTS.find((c) => c.id === id);
  if (!found) throw new Error(`No checklist "${id}".`);
  return found;
}

/** How far one run of a checklist has got; plain data, kept across reloads. */
export interface ChecklistProgress {
  checklistId: ChecklistId;
  /** Steps done, proven by the page. */
  done: string[];
  /** Steps the user said they did ("I did this"). */
  manual: string[];
  facts: FlowFacts;
  startedAt: string;
  /** Grants the record step wrote; set once recorded. */
  recordedGrantIds: string[] | null;
  /** `recordWhenDone` steps already written to the register (e.g. the invitation accepted). */
  laterRecorded?: string[];
}

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

/** The row of `rows` a removal dialog's words name (by email first, else by the longest name). */
function namedRow(text: string, rows: readonly AccessRow[]): AccessRow | null {
  const words = fold(text);
  const byEmail = rows.find((r) => r.email && words.includes(fold(r.email)));
  if (byEmail) return byEmail;
  const named = rows
    .filter((r) => r.name.trim().length >= 2 && words.includes(fold(r.name)))
    .sort((a, b) => b.name.length - a.name.length);
  return named[0] ?? null;
}

/**
 * Whom a removal is about: the dialog's first line when it is a name or email the table shows,
 * else the row whose email (or name) the dialog's words mention.
 */
function removalRow(obs: Observation): AccessRow | null {
  const dialog = removalDialog(obs.root);
  if (!dialog) return null;
  const named = removalSubject(obs.root, dialog);
  const exact = named ? obs.table.rows.find((r) => r.name === named || r.email === named) : null;
  return exact ?? namedRow(visibleText(dialog), obs.table.rows);
}

/**
 * On a flow that removes someone, with nobody named: the one row of the last reading that has
 * left the table, while the rest of it stays (the same page of the table, not another page or
 * a filter), on a table that is complete or while a removal was under way. Else null.
 */
function rowThatLeft(obs: Observation, facts: FlowFacts): AccessRow | null {
  const last = facts.lastTable;
  if (!last || last.kind !== obs.pageKind || !tableReadable(obs.table)) return null;
  const gone = last.rows.filter((r) => !obs.table.rows.some((n) => sameParty(n, r)));
  if (gone.length !== 1 || last.rows.length - gone.length < 1) return null;
  return obs.table.complete || facts.removalSeen ? gone[0]! : null;
}

/** Read, from the page, the facts a flow gathers (only ever adds or refines). */
export function gatherFacts(
  obs: Observation,
  facts: FlowFacts,
  removes?: Checklist['removes'],
): FlowFacts {
  const next: FlowFacts = { ...facts };
  if (obs.flow.emails.length > 0) next.emails = obs.flow.emails.map((e) => e.toLowerCase());
  if (obs.flow.bcRole) next.bcRole = obs.flow.bcRole;
  const bcId = enteredPartnerBcId(obs.root);
  if (bcId) next.partnerBcId = bcId;
  const accounts = chosenAccounts(obs.root);
  if (accounts.length > 0) next.accounts = accounts;
  const assigned = assignChoice(obs.root);
  if (assigned) next.assigned = assigned;
  // Whom a removal is about: the name or email the confirmation names, matched to the table;
  // or, when no dialog names them, the one row that leaves the table during the removal.
  // (A person pre-selected by a reminder is replaced by whom the user actually removes.)
  if (removes && !next.baseline) {
    const row = removalRow(obs);
    const left = row ? null : rowThatLeft(obs, next);
    if (row) {
      next.subject = subjectOf(row);
      next.baseline = obs.table.rows;
      next.baselineKind = obs.pageKind;
    } else if (left) {
      next.subject = subjectOf(left);
      next.baseline = next.lastTable!.rows;
      next.baselineKind = obs.pageKind;
    }
  }
  // Whom the table listed when the user first named whom they add (read once, from a table).
  const adding = (next.emails?.length ?? 0) > 0 || next.partnerBcId !== undefined;
  if (adding && next.listedBefore === undefined && tableReadable(obs.table))
    next.listedBefore = listedKeys(obs.table);
  if (removes) {
    if (!next.removalSeen && (obs.flow.removeConfirmation || obs.flow.confirmationCodeStep))
      next.removalSeen = true;
    if (next.baseline) delete next.lastTable;
    else if (tableReadable(obs.table))
      next.lastTable = { kind: obs.pageKind, rows: obs.table.rows };
  }
  // Whose permission the Edit permission dialog changes, and to what.
  const edit = permissionEdit(obs.root);
  if (edit) {
    const who = { name: edit.who, ...(edit.email ? { email: edit.email } : {}) };
    const row = obs.table.rows.find((r) => sameParty(r, who));
    const same = next.subject !== undefined && sameParty(next.subject, who);
    if (!same) {
      // Someone else than before (or than the reminder named): start over with them.
      next.subject = row ? subjectOf(row) : who;
      delete next.assigned;
    } else if (next.subject?.assetRole === undefined && row) {
      // The person a reminder named: their permission as the table shows it before the change.
      next.subject = { ...next.subject, ...subjectOf(row) };
    }
    if (edit.role && edit.role !== next.subject?.assetRole)
      next.assigned = { who: edit.who, role: edit.role };
    else if (edit.role) delete next.assigned;
  }
  return next;
}

/** Which state each step is in, for the UI. */
export type StepState = 'todo' | 'active' | 'done' | 'manual';

/** What is known of one run: the steps the page proved, those the user marked, the record. */
export interface StepEvidence {
  /** Steps the page has proven done (at any time, in any order). */
  proven: readonly string[];
  /** Steps the user said they did ("I did this"). */
  manual: readonly string[];
  /** Whether the register was written for the run. */
  recorded: boolean;
}

/** Each step's state as the evidence has it, and the step the run is at. */
export interface ResolvedSteps {
  /** Steps the page proved, or that a proven or user-marked step implies, in checklist order. */
  done: string[];
  /** Each step's state by id: done, the one to do now (active), or still to do. */
  states: Record<string, 'done' | 'active' | 'todo'>;
  /** The step to do now, or null when every step is finished. */
  active: ChecklistStep | null;
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
