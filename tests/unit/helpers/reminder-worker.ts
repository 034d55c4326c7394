/**
 * The reminders as the background runs them, under fakeBrowser: a fresh register and settings
 * before each test, a clock the test moves, and a worker start that registers every listener
 * again the way a restarted service worker does.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ReminderHandlers } from '@/lib/background/reminder-handlers';
import { registerReminderHandlers } from '@/lib/background/reminder-handlers';
import { REGISTER_DB_NAME, closeRegisterDb, registerDb } from '@/lib/register/db';
import type { Grant } from '@/lib/register/schema';
import type { ReminderDeps } from '@/lib/reminders/run';
import { saveReminderSettings } from '@/lib/settings';
import { ACCOUNT, PARTNER, PERSON, makeGrant, settings } from './reminders';

export interface ReminderWorker {
  /** What the runs take as now; a test moves it. */
  clock: Date;
  /** The deps a run takes: this clock, the register, and Chrome's buttons unless told. */
  deps(fields?: Partial<ReminderDeps>): ReminderDeps;
  /** Start the worker (again): the old one's listeners go, with everything it held in memory. */
  start(deps?: ReminderDeps): Promise<void>;
}

/**
 * Set up each test of the enclosing file or `describe` with an empty register, settings with
 * quiet hours off, and the clock at `startAt()` (a function, so it is made once the test's time
 * zone is set).
 */
export function setUpReminderWorker(startAt: () => Date): ReminderWorker {
  let handlers: ReminderHandlers | undefined;
  const worker: ReminderWorker = {
    clock: new Date(0),
    deps: (fields = {}) => ({
      now: () => worker.clock,
      db: registerDb,
      supportsButtons: true,
      ...fields,
    }),
    async start(deps = worker.deps()) {
      handlers?.remove();
      closeRegisterDb();
      handlers = registerReminderHandlers(deps);
      await handlers.started;
    },
  };
  beforeEach(async () => {
    closeRegisterDb();
    await Dexie.delete(REGISTER_DB_NAME);
    worker.clock = startAt();
    await saveReminderSettings(settings());
  });
  afterEach(() => {
    handlers?.remove();
    handlers = undefined;
    closeRegisterDb();
  });
  return worker;
}

/** Add the reminder helpers' account, person and partner, and the given grants. */
export async function seedGrants(...grants: Grant[]): Promise<void> {
  const db = registerDb();
  await db.accounts.add(ACCOUNT);
  await db.parties.bulkAdd([PERSON, PARTNER]);
  await db.grants.bulkAdd(grants);
}

/** The notifications showing, by id. */
export async function shownNotifications() {
  return (await fakeBrowser.notifications.getAll()) as unknown as Record<
    string,
    { title: string; message: string; buttons?: { title: string }[] }
  >;
}

/** The toolbar badge's text. */
export const badgeText = () => fakeBrowser.action.getBadgeText({});

/** 10:00 on 2 March 2027 in the test's time zone: the morning the grants below are about. */
export const marchMorning = () => new Date(2027, 2, 2, 10);
/** A review due on 2 March 2027. */
export const dueReview = () => makeGrant({ nextReviewOn: '2027-03-02' });
/** A review due on 15 April 2027, well after the morning. */
export const laterReview = () => makeGrant({ nextReviewOn: '2027-04-15' });
/** An invitation sent on 20 February 2027 and never accepted (stale a week later). */
export const staleInvite = () =>
  makeGrant({
    status: 'invited',
    acceptedAt: null,
    invitedAt: new Date(2027, 1, 20, 15).toISOString(),
    nextReviewOn: '2027-05-21',
  });
