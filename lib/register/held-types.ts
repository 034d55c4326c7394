/**
 * What the register decides about held accounts, as data: a Members table's rows as the page
 * showed them, and the questions the popup asks about Business Centers the register does not
 * know. The messages that carry them (lib/messaging) and the background that keeps them per
 * tab take these shapes from here, apart from the code that decides.
 */
import type { BcRole, FinanceRole, GrantStatus } from './schema';

/** A member's status as a Members table shows it (lib/tiktok/read-table.ts). */
export type MemberStatus = 'active' | 'pending' | 'suspended' | 'expired' | 'rejected' | 'unknown';

/** One row of a Members table, as the watcher read it. */
export interface SeenMember {
  email: string;
  bcRole?: BcRole;
  financeRole?: FinanceRole;
  status: MemberStatus;
}

/** What the watcher saw on one Business Center's Members page. */
export interface MembersSeen {
  orgId: string;
  bcName: string | null;
  members: readonly SeenMember[];
}

/** My row, found: what the popup asks about when the register does not know the BC. */
export interface HeldQuestion {
  orgId: string;
  /** The Business Center's name as its page shows it ('' when it shows none). */
  bcName: string;
  /** Which of my emails the row is. */
  email: string;
  bcRole: BcRole | null;
  financeRole: FinanceRole | null;
  /** My status there in the register's words; null when the page's status was unreadable. */
  status: GrantStatus | null;
}

/** One Business Center of the picker whose owner the register does not know. */
export interface PickerCenter {
  orgId: string;
  /** Its name as the picker shows it ('' when it shows none). */
  bcName: string;
  /** My role there as the picker shows it. */
  bcRole: BcRole | null;
}
