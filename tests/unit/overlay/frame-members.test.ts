import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MembersSeen } from '@/lib/overlay/frame-members';
import { membersReporter } from '@/lib/overlay/frame-members';
import { takeTablesData } from '@/lib/tiktok/table-data';
import { readMembersReport } from '../helpers/members-report';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

const rowOf = (d: ReplicaDom, email: string) =>
  Array.from(d.document.querySelectorAll('tbody tr')).find((tr) =>
    tr.textContent?.includes(email),
  )!;

describe('the frame’s Members reports (held accounts)', () => {
  it('reports the members the agent’s tables show, again only when the register would care', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const sent: MembersSeen[] = [];
    const reporter = membersReporter(async (seen) => void sent.push(seen));
    reporter.route('7012345678901234567');
    const take = () => reporter.tables(takeTablesData(dom!.document), 'Northwind Outdoor');

    take();
    expect(sent).toHaveLength(1);
    // The same members as the page read in one piece: the data loses nothing on the way.
    expect(sent[0]).toEqual({
      bcName: 'Northwind Outdoor',
      members: readMembersReport(dom.url(), dom.document)!.members,
    });
    expect(sent[0]!.members).toHaveLength(10);
    // No Business Center and no page in the report: the background takes them from the tab.
    expect(Object.keys(sent[0]!).sort()).toEqual(['bcName', 'members']);

    // A name changes: nothing the register cares about.
    rowOf(dom, 'dana@brightlane-agency.com').querySelector('.member-user-cell-name')!.textContent =
      'Dana K.';
    take();
    expect(sent).toHaveLength(1);

    // Sam accepts the invitation: reported again.
    const tag = Array.from(rowOf(dom, 'sam.ortiz@gmial.com').querySelectorAll('span')).find(
      (s) => s.textContent?.trim() === 'Pending',
    )!;
    tag.lastChild!.textContent = 'Active';
    take();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.members).toContainEqual({
      email: 'sam.ortiz@gmial.com',
      bcRole: 'standard',
      status: 'active',
    });

    // A new route reports its first reading anew, even unchanged.
    reporter.route('7012345678901234567');
    take();
    expect(sent).toHaveLength(3);
  });

  it('reports nothing for tables without members, and again after a failed send', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    let fail = true;
    const sent: MembersSeen[] = [];
    const reporter = membersReporter(
      async (seen) => {
        sent.push(seen);
        if (fail) throw new Error('worker restarting');
      },
      { resendTimes: 0 },
    );
    reporter.tables({ tables: [], loading: true }, null);
    expect(sent).toHaveLength(0);
    const data = takeTablesData(dom.document);
    reporter.tables(data, null);
    await Promise.resolve();
    fail = false;
    reporter.tables(data, null);
    expect(sent).toHaveLength(2);
  });

  it('sends a report the background could not take again on a still page, a few times', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      dom = await openReplica(REPLICA_URLS.bcMembers);
      let failures = 2;
      const sent: MembersSeen[] = [];
      const reporter = membersReporter(
        async (seen) => {
          sent.push(seen);
          if (failures-- > 0) throw new Error('worker restarting');
        },
        { resendAfterMs: 1_000, resendTimes: 3 },
      );
      reporter.route('7012345678901234567');
      reporter.tables(takeTablesData(dom.document), 'Northwind Outdoor');
      expect(sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(sent).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1_000);
      // Taken the third time: nothing more is sent.
      expect(sent).toHaveLength(3);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(sent).toHaveLength(3);
      expect(sent[2]).toEqual(sent[0]);

      // A failed report is not sent again once another route has begun.
      failures = 1;
      reporter.route('7012345678901234567');
      reporter.tables(takeTablesData(dom.document), 'Northwind Outdoor');
      expect(sent).toHaveLength(4);
      await Promise.resolve();
      reporter.route('7098765432109876543');
      await vi.advanceTimersByTimeAsync(10_000);
      expect(sent).toHaveLength(4);

      // A send that never succeeds is given up after its tries; the same table then reports anew.
      failures = 100;
      reporter.tables(takeTablesData(dom.document), 'Northwind Outdoor');
      await vi.advanceTimersByTimeAsync(10_000);
      expect(sent).toHaveLength(4 + 1 + 3);
      reporter.tables(takeTablesData(dom.document), 'Northwind Outdoor');
      expect(sent).toHaveLength(9);
    } finally {
      vi.useRealTimers();
    }
  });
});
