import { useEffect, useState } from 'react';
import type { BackgroundStatus } from '@/lib/messaging';
import { sendMessage } from '@/lib/messaging';
import type { ReminderSettings } from '@/lib/settings';
import { loadReminderSettings, normaliseSettings, reminderSettingsItem } from '@/lib/settings';
import { t } from '@/lib/i18n';
import { Brand } from '../shared/Brand';
import { DueReminders } from './DueReminders';
import { IcsExport } from './IcsExport';
import { IdentitySettings } from './IdentitySettings';
import { MyBusinessCenters } from './MyBusinessCenters';
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
        <h1>{t('options_title')}</h1>
      </header>
      <main>
        <section aria-labelledby="due-heading" className="card" id="due">
          <h2 id="due-heading">{t('options_dueHeading')}</h2>
          {settings ? <DueReminders settings={settings} /> : <p>{t('options_loading')}</p>}
        </section>
        <section aria-labelledby="reminders-heading" className="card">
          <h2 id="reminders-heading">{t('options_remindersHeading')}</h2>
          {settings ? <ReminderSettingsForm initial={settings} /> : <p>{t('options_loading')}</p>}
        </section>
        <section aria-labelledby="calendar-heading" className="card">
          <h2 id="calendar-heading">{t('options_calendarHeading')}</h2>
          {settings ? <IcsExport settings={settings} /> : <p>{t('options_loading')}</p>}
        </section>
        <section aria-labelledby="identity-heading" className="card" id="identity">
          <h2 id="identity-heading">{t('held_identity_heading')}</h2>
          <IdentitySettings />
        </section>
        <section aria-labelledby="mine-heading" className="card" id="mine">
          <h2 id="mine-heading">{t('myBusinessCenters_heading')}</h2>
          <MyBusinessCenters headingId="mine-heading" />
        </section>
        <section aria-labelledby="about-heading" className="card">
          <h2 id="about-heading">{t('options_about')}</h2>
          <p data-testid="background-status" aria-live="polite">
            {status === undefined
              ? t('options_asking')
              : status === 'unreachable'
                ? t('options_unreachable')
                : t(
                    status.grants === 1 ? 'options_status_one' : 'options_status_many',
                    status.version,
                    status.schemaVersion,
                    status.grants,
                  )}
          </p>
        </section>
        <section aria-labelledby="privacy-heading" className="card">
          <h2 id="privacy-heading">{t('options_privacy')}</h2>
          <p>{t('options_privacyText')}</p>
        </section>
      </main>
    </div>
  );
}
