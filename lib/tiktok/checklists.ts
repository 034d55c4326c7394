/**
 * The guided checklists as data, apart from the UI that runs them: for each flow its steps, what
 * on TikTok's page proves a step done (read with the detectors in flow.ts, the table reader and
 * controls.ts), the control to highlight, and the words to show. `advanceChecklist` is the pure
 * heart of the runner: given what the page shows now, it ticks steps off and gathers the facts
 * (emails, roles, accounts, whom a removal is about) that the register will record.
 * Flows follow ../shared/domain/tiktok-access.md, "Official flows".
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
  findRowLink,
  removalSubject,
} from './controls';
import type { FlowState } from './flow';
import type { AccessRow, AccessTableReading } from './read-table';
import { sameParty } from './read-table';
import { rowDisappeared } from './flow';
import type { PageKind } from './routes';
import { LABELS } from './selectors';

/** Labels only the checklists use. */
const EXTRA_LABELS = {
  resend: ['Resend', 'Resend invitation', 'Reenviar', 'Kirim ulang'],
};

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
  title: string;
  help: string;
  /** The control the user uses for this step, found afresh on every change; absent: none. */
  target?: (root: Document) => Element | null;
  /** What proves the step done; absent: only the user can say ("I did this"). */
  done?: (obs: Observation, facts: FlowFacts) => boolean;
  /** `record`: the runner writes the register here. `later`: not needed to finish. */
  kind?: 'record' | 'later';
  /** Shown with the step, in a warning style. */
  warning?: string;
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
  title: string;
  summary: string;
  /** The page kinds on which it is offered. */
  offeredOn: readonly PageKind[];
  warning?: string;
  steps: readonly ChecklistStep[];
}

const partnerRemovalWarning =
  'Removing a partner from a TikTok account pauses the ads that run through it. Check with the partner before you remove them.';

const on = (kind: PageKind) => (obs: Observation) => obs.pageKind === kind;
const success = (obs: Observation, kind: NonNullable<FlowState['success']>['kind']) =>
  obs.flow.success?.kind === kind;

// -- Steps shared by several checklists -----------------------------------------------------

const openMembers: ChecklistStep = {
  id: 'open-members',
  title: 'Open Members',
  help: 'In Business Center, go to Users → Members.',
  target: (root) => findNavLink(root, LABELS.members),
  done: on('bc-members'),
};

const openPartners: ChecklistStep = {
  id: 'open-partners',
  title: 'Open Partners',
  help: 'In Business Center, go to Users → Partners.',
  target: (root) => findNavLink(root, LABELS.partners),
  done: on('bc-partners'),
};

const record = (what: string): ChecklistStep => ({
  id: 'record',
  title: 'Record it in the register',
  help: `The companion records ${what} in your access register, with this checklist's name.`,
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
    title: 'Click Add Partners',
    help: 'The Add Partners button is at the top right of the Partners page.',
    target: (root) => findControl(root, LABELS.addPartnersTitle),
    done: (obs, facts) => addPartnerStep(obs.root) !== null || facts.partnerBcId !== undefined,
  },
  {
    id: `${prefix}enter-bc-id`,
    title: "Enter the partner's Business Center ID",
    help: 'Ask the agency for its Business Center ID (10 to 25 digits), then click Next.',
    target: (root) => {
      const dialog = dialogTitled(root, LABELS.addPartnersTitle);
      return dialog?.querySelector('input') ?? null;
    },
    done: (obs, facts) => facts.partnerBcId !== undefined && addPartnerStep(obs.root) !== 'details',
  },
  {
    id: `${prefix}choose-accounts`,
    title: lower
      ? 'Choose the ad accounts and the lower permission'
      : 'Choose the ad accounts and their permission',
    help: lower
      ? 'Tick the same ad accounts and pick the lower permission: Analyst for reporting, Operator to run campaigns.'
      : 'Operator runs campaigns; Analyst only sees reports; Admin also manages the account’s settings and finance.',
    target: (root) =>
      dialogTitled(root, LABELS.addPartnersTitle)?.querySelector('fieldset') ?? null,
    done: (_obs, facts) => (facts.accounts?.length ?? 0) > 0,
  },
  {
    id: `${prefix}confirm`,
    title: 'Click Confirm',
    help: 'TikTok shows “Partner added” when it is done.',
    target: (root) => findDialogButton(root, LABELS.confirm),
    done: (obs) => success(obs, 'partnerAdded'),
  },
];

const removePartnerSteps = (prefix: string): ChecklistStep[] => [
  {
    id: `${prefix}click-remove`,
    title: 'Click Remove on the partner’s row',
    help: 'Find the partner in the table and click Remove in its Action column.',
    warning: partnerRemovalWarning,
    target: (root) => findControl(root, LABELS.removeVerb),
    done: (obs, facts) => facts.subject !== undefined || obs.flow.removeConfirmation,
  },
  {
    id: `${prefix}confirm-remove`,
    title: 'Confirm the removal',
    help: 'TikTok asks “Remove partner?”; click Confirm.',
    target: (root) => findDialogButton(root, LABELS.confirm),
    done: (obs, facts) => success(obs, 'partnerRemoved') || subjectGone(obs, facts),
  },
  {
    id: `${prefix}row-gone`,
    title: 'See the partner leave the table',
    help: 'The partner’s row disappears from Partners.',
    done: subjectGone,
  },
];

// -- The checklists ---------------------------------------------------------------------------

/** Every checklist, in the order the panel offers them. */
export const CHECKLISTS: readonly Checklist[] = [
  {
    id: 'add-member',
    title: 'Add an account manager as a member',
    summary: 'Invite a person to this Business Center and give them the ad accounts they need.',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [
      openMembers,
      {
        id: 'open-invite',
        title: 'Click Invite Member',
        help: 'The Invite Member button is at the top right of the Members page.',
        target: (root) => findControl(root, LABELS.inviteTitle),
        done: (obs, facts) => obs.flow.inviteStep !== null || (facts.emails?.length ?? 0) > 0,
      },
      {
        id: 'enter-email',
        title: 'Enter their email address',
        help: 'Use the address they sign in to TikTok with; check it for typos.',
        target: (root) =>
          dialogTitled(root, LABELS.inviteTitle)?.querySelector('textarea, input') ?? null,
        done: (_obs, facts) => (facts.emails?.length ?? 0) > 0,
      },
      {
        id: 'choose-role',
        title: 'Choose the Business Center role',
        help: 'Standard is enough for running ads; Admin also manages users, finance and settings.',
        target: (root) =>
          dialogTitled(root, LABELS.inviteTitle)?.querySelector('input[type=radio]') ?? null,
        done: (_obs, facts) => facts.bcRole !== undefined,
      },
      {
        id: 'choose-accounts',
        title: 'Click Next, then choose ad accounts and their permission',
        help: 'Without an ad account they will see nothing: the Business Center role and the ad-account permission are two layers.',
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
        title: 'Click Confirm',
        help: 'TikTok shows “Invitation sent”; the new member appears as Pending.',
        target: (root) => findDialogButton(root, LABELS.confirm),
        done: (obs) => success(obs, 'invited'),
      },
      record('the invitation'),
      {
        id: 'accepted',
        title: 'Later: the invitation is accepted',
        help: 'Their row turns from Pending to Active once they accept. Invitations lapse if not accepted.',
        kind: 'later',
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
    title: 'Add an agency as a partner',
    summary: 'Share ad accounts with an agency’s own Business Center.',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [openPartners, ...addPartnerSteps('', false), record('the partner')],
  },
  {
    id: 'revoke-member',
    title: 'Revoke a member',
    summary: 'Remove a person from this Business Center and every asset in it.',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [
      openMembers,
      {
        id: 'find-remove',
        title: 'Find them and click Remove',
        help: 'Click their email (or View) to open their details, then Remove.',
        target: (root) =>
          findControl(root, LABELS.removeVerb) ?? findControl(root, ['View', 'Ver', 'Lihat']),
        done: (obs, facts) => facts.subject !== undefined || obs.flow.removeConfirmation,
      },
      {
        id: 'confirm-remove',
        title: 'Confirm the removal',
        help: 'TikTok asks “Remove member?”; click Confirm.',
        target: (root) => findDialogButton(root, LABELS.confirm),
        done: (obs) => obs.flow.confirmationCodeStep || success(obs, 'memberRemoved'),
      },
      {
        id: 'enter-code',
        title: 'Enter the confirmation code',
        help: 'TikTok emails you a 6-digit code. Type it and click Confirm.',
        target: (root) => confirmationCodeField(root),
        done: (obs, facts) => success(obs, 'memberRemoved') || subjectGone(obs, facts),
      },
      {
        id: 'row-gone',
        title: 'See their row leave the table',
        help: 'Their row disappears from Members.',
        done: subjectGone,
      },
      record('the revocation'),
    ],
  },
  {
    id: 'revoke-partner',
    title: 'Revoke a partner',
    summary: 'Stop sharing ad accounts with an agency’s Business Center.',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    warning: partnerRemovalWarning,
    steps: [openPartners, ...removePartnerSteps(''), record('the revocation')],
  },
  {
    id: 'lower-member',
    title: 'Lower a member’s permission',
    summary: 'On an ad account, change a member’s permission to a lower one.',
    offeredOn: ['bc-asset-access'],
    steps: [
      {
        id: 'open-asset',
        title: 'Open the ad account’s Members tab',
        help: 'Assets → Ad accounts → the account → Members.',
        target: (root) => findNavLink(root, ['Ad accounts', 'Cuentas publicitarias', 'Akun iklan']),
        done: (obs) => obs.pageKind === 'bc-asset-access',
      },
      {
        id: 'edit-permission',
        title: 'Give them the lower permission',
        help: 'Use Assign new member (or the Edit control where TikTok offers one), pick the member and the lower permission, and Confirm.',
        target: (root) =>
          findDialogButton(root, LABELS.confirm) ?? findControl(root, LABELS.assignTitle),
        done: (obs, facts) =>
          facts.assigned !== undefined && (success(obs, 'memberAssigned') || success(obs, 'saved')),
      },
      record('the new permission'),
    ],
  },
  {
    id: 'lower-partner',
    title: 'Lower a partner’s permission',
    summary:
      'TikTok only lets a partner’s permission be raised: remove the partner, then share again with the lower permission.',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    warning: partnerRemovalWarning,
    steps: [
      openPartners,
      ...removePartnerSteps('remove-'),
      ...addPartnerSteps('share-', true),
      record('the lower permission'),
    ],
  },
  {
    id: 'troubleshoot',
    title: 'Troubleshoot access',
    summary: 'Invitation not received, wrong permission, sees nothing, can’t get in.',
    offeredOn: ['bc-members', 'bc-partners', 'bc-asset-access'],
    steps: [
      {
        id: 'invitation-email',
        title: 'Invitation not received: check the address',
        help: 'Compare the email in the Members table with the one they sign in with (a typo such as gmial.com is common). Ask them to look in spam, and to sign out of any other TikTok account before opening the link.',
      },
      {
        id: 'invitation-resend',
        title: 'Resend the invitation',
        help: 'Click their email in Members to open their details, then Resend. That is TikTok’s only fix for a lost invitation.',
        target: (root) =>
          findControl(root, EXTRA_LABELS.resend) ??
          findRowLink(root, [...LABELS.status.pending, ...LABELS.status.expired]),
        done: (obs) => success(obs, 'resent'),
      },
      {
        id: 'wrong-permission',
        title: 'Wrong permission?',
        help: 'Lower a member’s permission on the ad account, or for a partner remove and share again (the “Lower a partner’s permission” checklist).',
      },
      {
        id: 'sees-nothing',
        title: 'Joined but sees nothing?',
        help: 'A Business Center role alone shows no ads: assign them an ad account with a permission (Add accounts, or the ad account’s Members tab).',
      },
      {
        id: 'cannot-access',
        title: 'Can’t get in?',
        help: 'Pending means they have not accepted yet; Expired or Rejected needs a new invitation; Suspended needs an Admin.',
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
}

/** A fresh run of a checklist. */
export function startChecklist(id: ChecklistId, now: Date): ChecklistProgress {
  return {
    checklistId: id,
    done: [],
    manual: [],
    facts: {},
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
  const named = removalSubject(obs.root);
  if (named && !next.subject) {
    const row = obs.table.rows.find((r) => r.name === named || r.email === named);
    if (row) {
      next.subject = {
        name: row.name,
        ...(row.email ? { email: row.email } : {}),
        ...(row.partnerBcId ? { partnerBcId: row.partnerBcId } : {}),
        ...(row.bcRole ? { bcRole: row.bcRole } : {}),
      };
      next.baseline = obs.table.rows;
    }
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

/** Whether a reading still shows `who` (for the record step's sanity). */
export function tableShows(table: AccessTableReading, who: FlowSubject): boolean {
  return table.rows.some((r) => sameParty(r, who));
}
