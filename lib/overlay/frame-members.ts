/**
 * The held accounts' side of a Members page, in the companion frame: the agent hands over the
 * page's tables as data whenever they change (table-data.ts); the frame reads the rows here and
 * reports the Business Center's members to the background (`companion:membersSeen`), which finds
 * my own row there (lib/register/held-accounts-visit.ts). The background takes the page and its
 * Business Center from this frame's tab, never from the report.
 */
import type { MemberRowReport } from '../tiktok/watch';
import { membersOf, membersSignature } from '../tiktok/watch';
import { readRowsData } from '../tiktok/read-table';
import type { TablesData } from '../tiktok/table-data';

/** What the frame reports of a Members table. */
export interface MembersSeen {
  bcName: string | null;
  members: MemberRowReport[];
}

/** Reads the agent's Members tables and reports them, once for each change the register cares about. */
export interface MembersReporter {
  /** A route of this Business Center began (its `org_id`): its first reading is reported anew. */
  route(orgId: string | null): void;
  /** The agent took the Members page's tables (again). */
  tables(table: TablesData, bcName: string | null): void;
}

/** How long a failed report waits before it is sent again, and how many times it is. */
export const RESEND_AFTER_MS = 1_000;
export const RESEND_TIMES = 3;

/**
 * Report through `send` the members each of the agent's takes shows (people with an email), when
 * they differ from the last report on this route (names aside, as the register compares them).
 * A report the background could not take (its worker starting again) is sent again a few times:
 * on a still page no change would bring it back.
 */
export function membersReporter(
  send: (seen: MembersSeen) => Promise<unknown>,
  { resendAfterMs = RESEND_AFTER_MS, resendTimes = RESEND_TIMES } = {},
): MembersReporter {
  let orgId = '';
  let last = '';
  let resend: ReturnType<typeof setTimeout> | undefined;
  const report = (seen: MembersSeen, signature: string, tries: number) => {
    send(seen).catch(() => {
      // Superseded meanwhile (another route, another table): that one is reported instead.
      if (signature !== last) return;
      if (tries >= resendTimes) {
        // Given up: the next change reports again.
        last = '';
        return;
      }
      resend = setTimeout(() => {
        resend = undefined;
        if (signature === last) report(seen, signature, tries + 1);
      }, resendAfterMs);
    });
  };
  return {
    route(org) {
      orgId = org ?? '';
      last = '';
      clearTimeout(resend);
    },
    tables(table, bcName) {
      const members = membersOf(readRowsData(table));
      if (members.length === 0) return;
      const signature = membersSignature({ orgId, bcName, members });
      if (signature === last) return;
      last = signature;
      clearTimeout(resend);
      report({ bcName, members }, signature, 0);
    },
  };
}
