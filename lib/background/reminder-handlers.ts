/**
 * The reminders' listeners: alarms, browser start and install, notifications and their buttons,
 * register changes, changed settings, and the extension pages' reminder messages. An MV3 service
 * worker can be stopped at any moment and is woken by events, so every listener is registered
 * synchronously from `main()`; alarms are re-created when the worker starts, when the browser
 * starts and when the extension is installed or updated.
 */
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import type { MessageHandlers } from '../messaging/protocol';
import { onMessages } from '../messaging/protocol';
import { REGISTER_DB_NAME } from '../register/db';
import { isReminderAlarm } from '../reminders/alarms';
import { forgetNotificationRecord } from '../reminders/notifications';
import type { ReminderDeps } from '../reminders/run';
import {
  actOnReminders,
  defaultReminderDeps,
  onNotificationButton,
  onNotificationClick,
  reportReminderError,
  runReminders,
  startReminders,
} from '../reminders/run';
import { reminderSettingsItem } from '../settings';
import { reviewGrant } from '../reminders/state';

/** The messages the reminders answer; the background's other handlers answer the rest. */
export type ReminderMessage = 'page:reminderAction' | 'page:reviewGrant' | 'page:remindersChanged';

/** The extension pages' reminder messages: act on due reminders, record a review, recount. */
export function reminderMessageHandlers(deps: ReminderDeps): MessageHandlers<ReminderMessage> {
  return {
    'page:reminderAction': async ({ data }) => ({
      due: (await actOnReminders(data.reminderIds, data.action, deps)).due.length,
    }),
    'page:reviewGrant': async ({ data }) => {
      const outcome = await reviewGrant(
        deps.db(),
        data.grantId,
        data.decision,
        deps.now(),
        data.note,
      );
      return { checklistUrl: outcome.checklistUrl, due: (await runReminders(deps)).due.length };
    },
    'page:remindersChanged': async () => ({ due: (await runReminders(deps)).due.length }),
  };
}

/** What {@link registerReminderHandlers} set up. */
export interface ReminderHandlers {
  /** The first run at worker start (tests await it; the worker need not). */
  started: Promise<unknown>;
  /** Remove every listener again (tests simulate a worker restart with it). */
  remove(): void;
}

/**
 * Register every reminder listener, synchronously, and start a first run (the worker has just
 * started, so alarms are re-created).
 */
export function registerReminderHandlers(
  deps: ReminderDeps = defaultReminderDeps(),
): ReminderHandlers {
  const onAlarm = (alarm: { name: string }) => {
    if (isReminderAlarm(alarm.name)) {
      void runReminders(deps).catch(reportReminderError('run'));
    }
  };
  const onStart = () => void startReminders(deps).catch(reportReminderError('start'));
  const onClick = (id: string) => void onNotificationClick(id).catch(reportReminderError('open'));
  const onButton = (id: string, index: number) =>
    void onNotificationButton(id, index, deps).catch(reportReminderError('act'));
  const onClosed = (id: string) =>
    void forgetNotificationRecord(id).catch(reportReminderError('forget'));

  // One list adds and removes the browser listeners, so the two can never drift apart. Firefox
  // has no notification buttons, and no onButtonClicked to listen to.
  const browserListeners: [
    { addListener(l: never): void; removeListener(l: never): void } | undefined,
    unknown,
  ][] = [
    [browser.alarms.onAlarm, onAlarm],
    [browser.runtime.onStartup, onStart],
    [browser.runtime.onInstalled, onStart],
    [browser.notifications.onClicked, onClick],
    [browser.notifications.onButtonClicked, onButton],
    [browser.notifications.onClosed, onClosed],
  ];
  for (const [event, listener] of browserListeners) event?.addListener(listener as never);
  // A grant, account or party changed (in this worker, or on an extension page while the worker
  // is awake: Dexie relays that over a BroadcastChannel): what is due may have changed. The
  // worker's own reminder-state writes are left out, so a run never triggers itself. When the
  // worker sleeps through a change, the next alarm, sweep or start catches up.
  // Campaigns too (started, due date moved). Not their items: a run reads every item of every
  // open campaign, and one per decision would hold up the page's next decision at ten thousand
  // items; the campaign page says when its last item is decided ('page:remindersChanged').
  const watched = ['grants', 'accounts', 'parties', 'campaigns'].map(
    (t) => `idb://${REGISTER_DB_NAME}/${t}/`,
  );
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((key) => watched.some((w) => key.startsWith(w)))) {
      void runReminders(deps).catch(reportReminderError('run'));
    }
  };
  Dexie.on('storagemutated', onMutated);
  // Changed settings (stored by the options page) change what is due: run again.
  const unwatch = reminderSettingsItem.watch(
    () => void runReminders(deps).catch(reportReminderError('run')),
  );
  const offMessages = onMessages(reminderMessageHandlers(deps));
  return {
    started: startReminders(deps).catch(reportReminderError('start')),
    remove() {
      for (const [event, listener] of browserListeners) event?.removeListener(listener as never);
      Dexie.on('storagemutated').unsubscribe(onMutated);
      unwatch();
      offMessages();
    },
  };
}
