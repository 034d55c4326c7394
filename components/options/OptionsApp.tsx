import { useEffect, useState } from 'react';
import type { BackgroundStatus } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/protocol';
import type { ReminderSettings } from '@/lib/reminders/settings';
import {
  loadReminderSettings,
  normaliseSettings,
  reminderSettingsItem,
} from '@/lib/reminders/settings';
import { Brand } from '../shared/Brand';
import { DueReminders } from './DueReminders';
import { IcsExport } from './IcsExport';
import { ReminderSettingsForm } from './ReminderSettingsForm';

/** The reminder settings as stored, following changes. */
function useReminderSettings(): ReminderSettings | undefined {
  const [settings, setSettings] = useState<ReminderSettings>();
  useEffect(() => {
    void loadReminderSettings().then(setSettings);
    return reminderSettingsItem.watch((value) => setSettings(normaliseSettings(value)));
  }, []);
  return settings;
}

/** The options page: reminders, what is due, the calendar export, the extension's state. */
export function OptionsApp() {
  const [status, setStatus] = useState<BackgroundStatus | 'unreachable' | undefined>();
  const settings = useReminderSettings();
  useEffect(() => {
    sendMessage('page:getStatus', {}).then(setStatus, () => setStatus('unreachable'));
  }, []);

  return (
    <div className="options">
      <header>
        <Brand />
        <h1>Options</h1>
      </header>
      <main>
        <section aria-labelledby="due-heading" className="card" id="due">
          <h2 id="due-heading">Due now</h2>
          {settings ? <DueReminders settings={settings} /> : <p>Loading…</p>}
        </section>
        <section aria-labelledby="reminders-heading" className="card">
          <h2 id="reminders-heading">Reminders</h2>
          {settings ? <ReminderSettingsForm initial={settings} /> : <p>Loading…</p>}
        </section>
        <section aria-labelledby="calendar-heading" className="card">
          <h2 id="calendar-heading">Calendar</h2>
          {settings ? <IcsExport settings={settings} /> : <p>Loading…</p>}
        </section>
        <section aria-labelledby="about-heading" className="card">
          <h2 id="about-heading">About</h2>
          <p data-testid="background-status" aria-live="polite">
            {status === undefined
              ? 'Asking the background…'
              : status === 'unreachable'
                ? 'The background did not answer. Reload the extension from the browser’s extensions page.'
                : `Background running · version ${status.version} · register schema v${status.schemaVersion} · ${status.grants} ${status.grants === 1 ? 'grant' : 'grants'} recorded`}
          </p>
        </section>
        <section aria-labelledby="privacy-heading" className="card">
          <h2 id="privacy-heading">Privacy</h2>
          <p>
            Everything the extension records stays in this browser. It sends nothing anywhere: no
            account, no analytics, no remote code. It reads TikTok pages only on business.tiktok.com
            and ads.tiktok.com, and only to guide you and compare them with your register.
          </p>
        </section>
      </main>
    </div>
  );
}
