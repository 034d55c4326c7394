import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';

const ORG_ID = '7012345678901234567';

interface Seeded {
  grantId: string;
  today: string;
}

/**
 * Put one grant whose review is due today into the extension's own IndexedDB, from inside the
 * service worker (the register lives in the extension's origin), with quiet hours off so the
 * time of day the test runs at does not matter.
 */
async function seedDueReview(worker: Worker): Promise<Seeded> {
  const before = Date.now();
  await worker.evaluate(() =>
    chrome.storage.local.set({
      'reminder-settings': {
        defaultCadenceDays: 90,
        staleInvitationDays: 7,
        contractLeadDays: [14, 1],
        notificationsEnabled: true,
        quietHours: { enabled: false, start: '21:00', end: '08:00' },
      },
    }),
  );
  // The settings change starts a run; let it finish before the grant exists, so that the
  // notification can only come from the alarm.
  await expect
    .poll(() =>
      worker.evaluate(async () => {
        const key = 'reminders-last-run';
        const run = (await chrome.storage.session.get(key))[key] as { at: string } | undefined;
        return run ? Date.parse(run.at) : 0;
      }),
    )
    .toBeGreaterThanOrEqual(before);
  return worker.evaluate(async (orgId) => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const at = now.toISOString();
    const base = { createdAt: at, updatedAt: at, rev: 1, deletedAt: null };
    const accountId = crypto.randomUUID();
    const partyId = crypto.randomUUID();
    const grantId = crypto.randomUUID();
    const rows: Record<string, object> = {
      accounts: {
        ...base,
        id: accountId,
        kind: 'businessCenter',
        externalId: orgId,
        name: 'Northwind Outdoor',
        ownerBcId: null,
        ownership: 'mine',
      },
      parties: {
        ...base,
        id: partyId,
        kind: 'person',
        name: 'Dana Kim',
        email: 'dana@brightlane-agency.com',
        bcId: null,
        organisation: 'Brightlane Agency',
        notes: '',
        isMe: false,
      },
      grants: {
        ...base,
        id: grantId,
        accountId,
        partyId,
        bcRole: 'standard',
        financeRole: null,
        assetRole: 'operator',
        status: 'active',
        invitedAt: '2026-08-01T10:00:00.000Z',
        acceptedAt: '2026-08-02T10:00:00.000Z',
        revokedAt: null,
        reviewCadenceDays: 90,
        lastReviewedAt: null,
        nextReviewOn: today,
        contractEndsOn: null,
        goals: '',
        source: 'manual',
      },
    };
    // The worker created the database at start (schema v2); wait for it rather than racing it.
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
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(Object.keys(rows), 'readwrite');
      for (const [store, row] of Object.entries(rows)) tx.objectStore(store).add(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return { grantId, today };
  }, ORG_ID);
}

test('a due review: the alarm fires, the notification has its buttons, they open Business Center and mark it reviewed', async ({
  context,
  serviceWorker,
}) => {
  const { grantId, today } = await seedDueReview(serviceWorker);

  expect(await serviceWorker.evaluate(() => chrome.notifications.getAll())).toEqual({});
  expect(await serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');

  // Make the real next-due alarm fire now (an unpacked extension's alarms may fire this soon).
  // A sweep or start-up run finishing just now may re-set that alarm for what it saw, so the
  // alarm is armed again on each poll until it has fired.
  const reminder = `review:${grantId}:${today}`;
  await expect
    .poll(
      async () => {
        await serviceWorker.evaluate(() =>
          chrome.alarms.create('reminders:next', { when: Date.now() + 100 }),
        );
        return serviceWorker.evaluate(() => chrome.notifications.getAll());
      },
      { timeout: 15_000 },
    )
    .toEqual({ [`reminder|${reminder}`]: true });
  const shown = await serviceWorker.evaluate(async () => {
    const key = 'reminders-last-notification';
    return (await chrome.storage.session.get(key))[key];
  });
  expect(shown).toEqual({
    id: `reminder|${reminder}`,
    options: {
      title: 'Review access: Dana Kim',
      message: `Standard · Operator on Northwind Outdoor (Business Center ${ORG_ID}). Review due ${today} (every 90 days): keep, lower or revoke.`,
      buttons: ['Open in Business Center', 'Mark reviewed'],
    },
  });
  expect(await serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

  // "Open in Business Center" opens the org's Members page (a replica answers it).
  const opened = context.waitForEvent('page');
  await serviceWorker.evaluate(
    (id) =>
      (
        globalThis as unknown as {
          accessCompanionReminders: { clickButton(id: string, i: number): Promise<void> };
        }
      ).accessCompanionReminders.clickButton(id, 0),
    `reminder|${reminder}`,
  );
  const bcPage = await opened;
  // A new tab starts on about:blank; wait for it to arrive where the button sent it.
  await bcPage.waitForURL(
    `https://business.tiktok.com/manage/users/members?org_id=${ORG_ID}#access-companion=review&grant=${grantId}`,
  );
  await expect(bcPage.getByRole('heading', { level: 1 })).toBeVisible();

  // "Mark reviewed" closes the notification and the badge drops.
  await serviceWorker.evaluate(
    (id) =>
      (
        globalThis as unknown as {
          accessCompanionReminders: { clickButton(id: string, i: number): Promise<void> };
        }
      ).accessCompanionReminders.clickButton(id, 1),
    `reminder|${reminder}`,
  );
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  expect(await serviceWorker.evaluate(() => chrome.notifications.getAll())).toEqual({});

  // The next review is scheduled a cadence later, and the alarm waits for it.
  const next = await serviceWorker.evaluate(() => chrome.alarms.get('reminders:next'));
  expect(next?.scheduledTime).toBeGreaterThan(Date.now() + 80 * 86_400_000);
});
