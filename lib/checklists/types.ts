/**
 * The shapes of the guided checklists: a checklist and its steps as data, the facts a run gathers
 * from the page, and a run's progress (plain data, kept across reloads). The companion frame
 * runs them on the page agent's readings (lib/overlay/frame-run.ts) and shows them with their
 * words (./words.ts); the agent finds each step's control (./targets.ts).
 */
import type { MessageKey } from '../i18n';
import type { AccessRow, AssetRoleName, ChosenAccount, Observation, PageKind } from '../tiktok';

/** What the page shows now, as the runner reads it after each batch of changes. */
export type { Observation };

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
  /**
   * The campaign item whose decision the run carries out (a campaign's "Carry out"): once the run
   * finishes, the frame asks the background to count it and read the page back.
   */
  campaignItemId?: string;
}

/** One step of a checklist. */
export interface ChecklistStep {
  id: string;
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
  /**
   * A `later` step whose proof is written to the register too (e.g. invitation accepted): what
   * it writes, from the run's facts and the table the page shows.
   */
  recordWhenDone?: (facts: FlowFacts, page: Pick<RecordPage, 'rows'>) => FlowRecord[];
}

/** What the page showed when a run finished, for what the run records. */
export interface RecordPage {
  /** The ad account the page is about (`aadvid`), or null. */
  advertiserId: string | null;
  /** The ad account's name as its page heading shows it. */
  pageHeading: string | null;
  rows: readonly AccessRow[];
}

/**
 * One change a finished run asks the register to write, for one party; the companion frame adds
 * where it ran (the checklist, the Business Center) and sends it as the contract's request.
 */
export interface FlowRecord {
  /**
   * invite: new grants; revoke: end the party's grants here; changeRole: new permission;
   * accept: the page shows their invitation accepted, so their invited grants here are active.
   */
  action: 'invite' | 'revoke' | 'changeRole' | 'accept';
  party:
    | { kind: 'person'; email: string; name?: string }
    | { kind: 'partnerBc'; bcId: string; name?: string };
  bcRole?: 'admin' | 'standard' | null;
  accounts: ChosenAccount[];
}

/** What a finished run records, or what it lacks (the message saying so) to record anything. */
export type FlowRecords = FlowRecord[] | { missing: MessageKey };

/** The ids of every checklist. */
export type ChecklistId =
  | 'add-member'
  | 'add-partner'
  | 'revoke-member'
  | 'revoke-partner'
  | 'lower-member'
  | 'lower-partner'
  | 'troubleshoot';

/** One checklist: what the engine needs to run it (where the panel offers it: ./offered.ts). */
export interface Checklist {
  id: ChecklistId;
  /**
   * Whom the flow takes away, when it removes someone: the runner then keeps the table's last
   * reading, so a removal that never names whom it removes is still seen in the row that leaves.
   */
  removes?: 'member' | 'partner';
  steps: readonly ChecklistStep[];
  /** What a finished run writes to the register (none for a checklist that changes nothing). */
  records: (facts: FlowFacts, page: RecordPage) => FlowRecords;
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
