/**
 * Seeding the register and the reminder settings from inside the extension's service worker, for
 * the reminders' e2e specs (the register lives in the extension's own IndexedDB).
 */
import type { Worker } from '@playwright/test';
import { expect } from './fixtures';

export const ORG_ID = '7012345678901234567';

/** One grant to seed; days are counted from today in the browser's time zone. */
export interface GrantSeed {
  name: string;
  status?: 'active' | 'invited';
  /** Review due this many days from today (negative: overdue). */
  reviewInDays?: number;
  invitedDaysAgo?: number;
  contractEndsInDays?: number;
  /** The grant is an Operator permission on the ad account Northwind US, not on the BC. */
  onAdAccount?: boolean;
}

export interface Seeded {
  grantIds: string[];
  today: string;
}

/**
 * Store settings with quiet hours off (so the time of day a test runs at does not matter) and
 * wait for the run that the change starts to finish.
 */
export async function quietHoursOff(worker: Worker, notificationsEnabled = true): Promise<void> {
  const before = Date.now();
  await worker.evaluate(
    (enabled) =>
      chrome.storage.local.set({
        'reminder-settings': {
          defaultCadenceDays: 90,
          staleInvitationDays: 7,
          contractLeadDays: [14, 1],
          notificationsEnabled: enabled,
          quietHours: { enabled: false, start: '21:00', end: '08:00' },
        },
      }),
    notificationsEnabled,
  );
  await ranSince(worker, before);
}

/** Wait for a reminders' run that started at `since` or later to finish. */
async function ranSince(worker: Worker, since: number): Promise<void> {
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const key = 'reminders-last-run';
        const run = (await chrome.storage.local.get(key))[key] as { at: string } | undefined;
        return run ? Date.parse(run.at) : 0;
      }),
    )
    .toBeGreaterThanOrEqual(since);
}

/** Add one Business Center account, one person per grant, and the grants. */
export async function seedGrants(worker: Worker, seeds: GrantSeed[]): Promise<Seeded> {
  return worker.evaluate(
    async ({ orgId, seeds }) => {
      const pad = (n: number) => String(n).padStart(2, '0');
      const dayIn = (days: number) => {
        const d = new Date();
        const at = new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, 12);
        return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
      };
      const at = new Date().toISOString();
      const base = { createdAt: at, updatedAt: at, rev: 1, deletedAt: null };
      const accountId = crypto.randomUUID();
      const accounts: Record<string, unknown>[] = [
        {
          ...base,
          id: accountId,
          kind: 'businessCenter',
          externalId: orgId,
          name: 'Northwind Outdoor',
          ownerBcId: null,
          ownership: 'mine',
        },
      ];
      // Northwind US, owned by the Business Center (its page: Assets → ad account → View).
      const adAccountId = crypto.randomUUID();
      if (seeds.some((s) => s.onAdAccount))
        accounts.push({
          ...base,
          id: adAccountId,
          kind: 'adAccount',
          externalId: '7100000000000000001',
          name: 'Northwind US',
          ownerBcId: orgId,
          ownership: 'mine',
        });
      const parties: object[] = [];
      const grants: { id: string; [field: string]: unknown }[] = [];
      for (const seed of seeds) {
        const partyId = crypto.randomUUID();
        parties.push({
          ...base,
          id: partyId,
          kind: 'person',
          name: seed.name,
          email: `${seed.name.toLowerCase().replace(/[^a-z]+/g, '.')}@brightlane-agency.com`,
          bcId: null,
          organisation: 'Brightlane Agency',
          notes: '',
          isMe: false,
        });
        const status = seed.status ?? 'active';
        const invitedAt = new Date(Date.now() - (seed.invitedDaysAgo ?? 100) * 86_400_000);
        grants.push({
          ...base,
          id: crypto.randomUUID(),
          accountId: seed.onAdAccount ? adAccountId : accountId,
          partyId,
          bcRole: seed.onAdAccount ? null : 'standard',
          financeRole: null,
          assetRole: 'operator',
          status,
          invitedAt: invitedAt.toISOString(),
          acceptedAt: status === 'active' ? invitedAt.toISOString() : null,
          revokedAt: null,
          reviewCadenceDays: 90,
          lastReviewedAt: null,
          nextReviewOn: dayIn(seed.reviewInDays ?? 60),
          contractEndsOn:
            seed.contractEndsInDays === undefined ? null : dayIn(seed.contractEndsInDays),
          goals: '',
          source: 'manual',
        });
      }
      // The worker creates the database (at its current schema) when it starts; wait for it, never race it.
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const tryOpen = (attempt: number) => {
          const req = indexedDB.open('access-register');
          req.onsuccess = () => {
            const opened = req.result;
            if (opened.objectStoreNames.contains('reminders')) resolve(opened);
            else if (attempt > 50) reject(new Error('The register was never created.'));
            else {
              opened.close();
              setTimeout(() => tryOpen(attempt + 1), 100);
            }
          };
          req.onerror = () => reject(req.error);
        };
        tryOpen(0);
      });
      const rows: Record<string, object[]> = { accounts, parties, grants };
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(Object.keys(rows), 'readwrite');
        for (const [store, list] of Object.entries(rows)) {
          for (const row of list) tx.objectStore(store).add(row);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return { grantIds: grants.map((g) => g.id), today: dayIn(0) };
    },
    { orgId: ORG_ID, seeds },
  );
}

/** The toolbar badge's text. */
export function badgeText(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/**
 * A browser event dispatched inside the service worker, as the browser would: the listeners the
 * background registered run, exactly as for the real event (Chrome's extension events have a
 * `dispatch`, which a system notification's click or an alarm's firing cannot be driven by).
 */
type Dispatchable = { dispatch(...args: unknown[]): void };

/** Fire the reminders' next-due alarm now, and wait for the run it starts to finish. */
export async function fireReminderAlarm(worker: Worker): Promise<void> {
  const before = Date.now();
  await worker.evaluate(() =>
    (chrome.alarms.onAlarm as unknown as Dispatchable).dispatch({
      name: 'reminders:next',
      scheduledTime: Date.now(),
    }),
  );
  await ranSince(worker, before);
}

/** Click a notification's button (a system notification is outside the page Playwright drives). */
export async function clickNotificationButton(
  worker: Worker,
  notificationId: string,
  buttonIndex: number,
): Promise<void> {
  await worker.evaluate(
    ([id, index]) =>
      (chrome.notifications.onButtonClicked as unknown as Dispatchable).dispatch(id, index),
    [notificationId, buttonIndex] as const,
  );
}
