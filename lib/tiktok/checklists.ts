/**
 * The guided checklists as data, apart from the UI that runs them: for each flow its steps, what
 * on TikTok's page proves a step done (read with the detectors in flow.ts, the table reader and
 * controls.ts), the control to highlight, and the message keys of the words to show (resolved
 * with `t` when shown). `advanceChecklist` is the pure heart of the runner: given what the page
 * shows now, it ticks steps off and gathers the facts (emails, roles, accounts, whom a removal is
 * about) that the register will record.
 * Flows follow ../shared/domain/tiktok-access.md, "Official flows".
 */
import type { MessageKey } from '@/lib/i18n';
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
  removalSubject,
} from './controls';
import type { FlowState } from './flow';
import type { AccessRow, AccessTableReading } from './read-table';
import { sameParty } from './read-table';
import { rowDisappeared } from './flow';
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
  /** For lowering a member's permission: the permission chosen. */
  assigned?: { who: string; role: AssetRoleName };
}

/** One step of a checklist. */
export interface ChecklistStep {
  id: string;
  /** Message keys (resolved with `t` when shown, so nothing reads i18n at module load). */
  title: MessageKey;
  help: MessageKey;
  /**
   * The control the user uses for this step, found afresh on every change (with the facts so
   * far, e.g. whom the flow is about); absent: none.
   */
  target?: (root: Document, facts?: FlowFacts) => Element | null;
  /** What proves the step done; absent: only the user can say ("I did this"). */
  done?: (obs: Observation, facts: FlowFacts) => boolean;
  /** `record`: the runner writes the register here. `later`: not needed to finish. */
  kind?: 'record' | 'later';
  /** Shown with the step, in a warning style (a message key). */
  warning?: MessageKey;
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
  /** Message keys, resolved with `t` when shown. */
  title: MessageKey;
  summary: MessageKey;
  /** The page kinds on which it is offered. */
  offeredOn: readonly PageKind[];
  warning?: MessageKey;
  steps: readonly ChecklistStep[];
}

const partnerRemovalWarning = 'checklist_partnerRemovalWarning';

const on = (kind: PageKind) => (obs: Observation) => obs.pageKind === kind;
const success = (obs: Observation, kind: NonNullable<FlowState['success']>['kind']) =>
  obs.flow.success?.kind === kind;

// -- Steps shared by several checklists -----------------------------------------------------

const openMembers: ChecklistStep = {
  id: 'open-members',
  title: 'checklist_openMembers_title',
  help: 'checklist_openMembers_help',
  target: (root) => findNavLink(root, LABELS.members),
  done: on('bc-members'),
};

const openPartners: ChecklistStep = {
  id: 'open-partners',
  title: 'checklist_openPartners_title',
  help: 'checklist_openPartners_help',
  target: (root) => findNavLink(root, LABELS.partners),
  done: on('bc-partners'),
};

/** The record step; `help` says what it records. */
const record = (help: MessageKey): ChecklistStep => ({
  id: 'record',
  title: 'checklist_record_title',
  help,
  kind: 'record',
});

function subjectGone(obs: Observation, facts: FlowFacts): boolean {
  if (!facts.subject || !facts.baseline) return false;
  return rowDisappeared(
    { rows: facts.baseline, complete: true, problems: [] },
    obs.table,
    facts.subject,
  );
}

const addPartnerSteps = (prefix: string, lower: boolean): ChecklistStep[] => [
  {
    id: `${prefix}open-add`,
    title: 'checklist_addPartnerOpen_title',
    help: 'checklist_addPartnerOpen_help',
    target: (root) => findControl(root, LABELS.addPartnersTitle),
    done: (obs, facts) => addPartnerStep(obs.root) !== null || facts.partnerBcId !== undefined,
  },
  {
    id: `${prefix}enter-bc-id`,
    title: 'checklist_enterBcId_title',
    help: 'checklist_enterBcId_help',
    target: (root) => {
      const dialog = dialogTitled(root, LABELS.addPartnersTitle);
      return dialog?.querySelector('input') ?? null;
    },
    done: (obs, facts) => facts.partnerBcId !== undefined && addPartnerStep(obs.root) !== 'details',
  },
  {
    id: `${prefix}choose-accounts`,
    title: lower ? 'checklist_partnerAccountsLower_title' : 'checklist_partnerAccounts_title',
    help: lower ? 'checklist_partnerAccountsLower_help' : 'checklist_partnerAccounts_help',
    target: (root) =>
      dialogTitled(root, LABELS.addPartnersTitle)?.querySelector('fieldset') ?? null,
    done: (_obs, facts) => (facts.accounts?.length ?? 0) > 0,
  },
  {
    id: `${prefix}confirm`,
    title: 'checklist_clickConfirm_title',
    help: 'checklist_partnerConfirm_help',
    target: (root) => findDialogButton(root, LABELS.confirm),
    done: (obs) => success(obs, 'partnerAdded'),
  },
];

const removePartnerSteps = (prefix: string): ChecklistStep[] => [
  {
    id: `${prefix}click-remove`,
    title: 'checklist_partnerRemove_title',
    help: 'checklist_partnerRemove_help',
    warning: partnerRemovalWarning,
    target: (root, facts) =>
      (facts?.subject ? findRowControl(root, facts.subject, LABELS.removeVerb) : null) ??
      findControl(root, LABELS.removeVerb),
    done: (obs, facts) => facts.baseline !== undefined || obs.flow.removeConfirmation,
  },
  {
    id: `${prefix}confirm-remove`,
    title: 'checklist_confirmRemoval_title',
    help: 'checklist_partnerConfirmRemoval_help',
    target: (root) => findDialogButton(root, LABELS.confirm),
    done: (obs, facts) => success(obs, 'partnerRemoved') || subjectGone(obs, facts),
  },
  {
    id: `${prefix}row-gone`,
    title: 'checklist_partnerGone_title',
    help: 'checklist_partnerGone_help',
    done: subjectGone,
  },
];

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
    title: 'checklist_addMember_title',
    summary: 'checklist_addMember_summary',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [
      openMembers,
      {
        id: 'open-invite',
        title: 'checklist_openInvite_title',
        help: 'checklist_openInvite_help',
        target: (root) => findControl(root, LABELS.inviteTitle),
        done: (obs, facts) => obs.flow.inviteStep !== null || (facts.emails?.length ?? 0) > 0,
      },
      {
        id: 'enter-email',
        title: 'checklist_enterEmail_title',
        help: 'checklist_enterEmail_help',
        target: (root) =>
          dialogTitled(root, LABELS.inviteTitle)?.querySelector('textarea, input') ?? null,
        done: (_obs, facts) => (facts.emails?.length ?? 0) > 0,
      },
      {
        id: 'choose-role',
        title: 'checklist_chooseRole_title',
        help: 'checklist_chooseRole_help',
        target: (root) =>
          dialogTitled(root, LABELS.inviteTitle)?.querySelector('input[type=radio]') ?? null,
        done: (_obs, facts) => facts.bcRole !== undefined,
      },
      {
        id: 'choose-accounts',
        title: 'checklist_memberAccounts_title',
        help: 'checklist_memberAccounts_help',
        target: (root) =>
          findDialogButton(root, LABELS.next) ??
          dialogTitled(root, LABELS.inviteTitle)?.querySelector('fieldset') ??
          null,
        done: (obs, facts) =>
          (facts.accounts?.length ?? 0) > 0 ||
          (obs.flow.inviteStep === 'assets' && obs.flow.confirmShown),
      },
      {
        id: 'confirm',
        title: 'checklist_clickConfirm_title',
        help: 'checklist_memberConfirm_help',
        target: (root) => findDialogButton(root, LABELS.confirm),
        done: (obs) => success(obs, 'invited'),
      },
      record('checklist_record_invitation'),
      {
        id: 'accepted',
        title: 'checklist_accepted_title',
        help: 'checklist_accepted_help',
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
    title: 'checklist_addPartner_title',
    summary: 'checklist_addPartner_summary',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [openPartners, ...addPartnerSteps('', false), record('checklist_record_partner')],
  },
  {
    id: 'revoke-member',
    title: 'checklist_revokeMember_title',
    summary: 'checklist_revokeMember_summary',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [
      openMembers,
      {
        id: 'find-remove',
        title: 'checklist_findRemove_title',
        help: 'checklist_findRemove_help',
        target: (root, facts) =>
          findControl(root, LABELS.removeVerb) ??
          (facts?.subject ? findPersonLink(root, facts.subject) : null) ??
          findControl(root, ['View', 'Ver', 'Lihat']),
        done: (obs, facts) => facts.baseline !== undefined || obs.flow.removeConfirmation,
      },
      {
        id: 'confirm-remove',
        title: 'checklist_confirmRemoval_title',
        help: 'checklist_memberConfirmRemoval_help',
        target: (root) => findDialogButton(root, LABELS.confirm),
        done: (obs) => obs.flow.confirmationCodeStep || success(obs, 'memberRemoved'),
      },
      {
        id: 'enter-code',
        title: 'checklist_enterCode_title',
        help: 'checklist_enterCode_help',
        target: (root) => confirmationCodeField(root),
        done: (obs, facts) => success(obs, 'memberRemoved') || subjectGone(obs, facts),
      },
      {
        id: 'row-gone',
        title: 'checklist_memberGone_title',
        help: 'checklist_memberGone_help',
        done: subjectGone,
      },
      record('checklist_record_revocation'),
    ],
  },
  {
    id: 'revoke-partner',
    title: 'checklist_revokePartner_title',
    summary: 'checklist_revokePartner_summary',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    warning: partnerRemovalWarning,
    steps: [openPartners, ...removePartnerSteps(''), record('checklist_record_revocation')],
  },
  {
    id: 'lower-member',
    title: 'checklist_lowerMember_title',
    summary: 'checklist_lowerMember_summary',
    offeredOn: ['bc-asset-access'],
    steps: [
      {
        id: 'open-asset',
        title: 'checklist_openAsset_title',
        help: 'checklist_openAsset_help',
        target: (root) => findNavLink(root, ['Ad accounts', 'Cuentas publicitarias', 'Akun iklan']),
        done: (obs) => obs.pageKind === 'bc-asset-access',
      },
      {
        id: 'open-edit',
        title: 'cl6_openEdit_title',
        help: 'cl6_openEdit_help',
        target: (root, facts) =>
          (facts?.subject ? findRowControl(root, facts.subject, LABELS.editPermission) : null) ??
          findControl(root, LABELS.editPermission),
        done: (obs, facts) => permissionEdit(obs.root) !== null || facts.assigned !== undefined,
      },
      {
        id: 'choose-lower',
        title: 'cl6_chooseLower_title',
        help: 'cl6_chooseLower_help',
        target: (root) => permissionEditField(root),
        done: (_obs, facts) =>
          facts.assigned !== undefined && isLower(facts.assigned.role, facts.subject?.assetRole),
      },
      {
        id: 'save',
        title: 'cl6_savePermission_title',
        help: 'cl6_savePermission_help',
        target: (root) => findDialogButton(root, LABELS.save),
        done: (obs, facts) =>
          facts.assigned !== undefined &&
          permissionEdit(obs.root) === null &&
          (rowShowsRole(obs.table, facts) || success(obs, 'saved')),
      },
      record('checklist_record_newPermission'),
    ],
  },
  {
    id: 'lower-partner',
    title: 'checklist_lowerPartner_title',
    summary: 'checklist_lowerPartner_summary',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    warning: partnerRemovalWarning,
    steps: [
      openPartners,
      ...removePartnerSteps('remove-'),
      ...addPartnerSteps('share-', true),
      record('checklist_record_lowerPermission'),
    ],
  },
  {
    id: 'troubleshoot',
    title: 'checklist_troubleshoot_title',
    summary: 'checklist_troubleshoot_summary',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [
      {
        id: 'invitation-email',
        title: 'checklist_invitationEmail_title',
        help: 'checklist_invitationEmail_help',
      },
      {
        id: 'invitation-resend',
        title: 'checklist_invitationResend_title',
        help: 'checklist_invitationResend_help',
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
        title: 'checklist_wrongPermission_title',
        help: 'checklist_wrongPermission_help',
      },
      {
        id: 'sees-nothing',
        title: 'checklist_seesNothing_title',
        help: 'checklist_seesNothing_help',
      },
      {
        id: 'cannot-access',
        title: 'checklist_cannotAccess_title',
        help: 'checklist_cannotAccess_help',
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

/** Read, from the page, the facts a flow gathers (only ever adds or refines). */
export function gatherFacts(obs: Observation, facts: FlowFacts): FlowFacts {
  const next: FlowFacts = { ...facts };
  if (obs.flow.emails.length > 0) next.emails = obs.flow.emails.map((e) => e.toLowerCase());
  if (obs.flow.bcRole) next.bcRole = obs.flow.bcRole;
  const bcId = enteredPartnerBcId(obs.root);
  if (bcId) next.partnerBcId = bcId;
  const accounts = chosenAccounts(obs.root);
  if (accounts.length > 0) next.accounts = accounts;
  const assigned = assignChoice(obs.root);
  if (assigned) next.assigned = assigned;
  // Whom a removal is about: the name or email the confirmation names, matched to the table.
  // (A person pre-selected by a reminder is replaced by whom the user actually removes.)
  const named = removalSubject(obs.root);
  if (named && !next.baseline) {
    const row = obs.table.rows.find((r) => r.name === named || r.email === named);
    if (row) {
      next.subject = subjectOf(row);
      next.baseline = obs.table.rows;
    }
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

/** The first step that is neither done nor marked done by the user, or null when all are. */
export function activeStep(c: Checklist, p: ChecklistProgress): ChecklistStep | null {
  return (
    c.steps.find((s) => s.kind !== 'later' && !p.done.includes(s.id) && !p.manual.includes(s.id)) ??
    c.steps.find((s) => !p.done.includes(s.id) && !p.manual.includes(s.id)) ??
    null
  );
}

/**
 * Tick off, in order, every step the page now proves done, starting at the active one. Steps
 * wait for their predecessors: evidence for a later step never skips an earlier one, except that
 * a step proven done also proves the ones before it that the page cannot show any more.
 */
export function advanceChecklist(
  c: Checklist,
  p: ChecklistProgress,
  obs: Observation,
): ChecklistProgress {
  const facts = gatherFacts(obs, p.facts);
  const done = [...p.done];
  const finished = (s: ChecklistStep) => done.includes(s.id) || p.manual.includes(s.id);
  for (const step of c.steps) {
    if (finished(step)) continue;
    if (step.kind === 'record') {
      if (p.recordedGrantIds !== null) done.push(step.id);
      break; // the runner records; nothing after it is ticked before that
    }
    if (step.done?.(obs, facts)) done.push(step.id);
    else if (step.kind !== 'later') break;
  }
  return { ...p, done, facts };
}

/** The state of every step, for the UI. */
export function stepStates(
  c: Checklist,
  p: ChecklistProgress,
  unrecognised: ReadonlySet<string> = new Set(),
): Record<string, StepState> {
  const active = activeStep(c, p);
  const states: Record<string, StepState> = {};
  for (const s of c.steps) {
    if (p.done.includes(s.id) || p.manual.includes(s.id)) states[s.id] = 'done';
    // The record step is the runner's to do: active, never "I did this" (a failed write offers
    // its own way on).
    else if (s === active)
      states[s.id] =
        s.kind !== 'record' && (!s.done || unrecognised.has(s.id)) ? 'manual' : 'active';
    else states[s.id] = 'todo';
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
