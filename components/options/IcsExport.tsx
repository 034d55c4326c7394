import { useState } from 'react';
import { formatNumber, t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { listGrantViews } from '@/lib/register';
import { upcomingReviewsIcs } from '@/lib/reminders';
import { localDay } from '@/lib/reminders';
import type { ReminderSettings } from '@/lib/settings';

/** Download the upcoming reviews as an .ics file, made here from the register (nothing is sent). */
export function IcsExport({ settings }: { settings: ReminderSettings }) {
  const [status, setStatus] = useState('');
  const onExport = async () => {
    try {
      const now = new Date();
      const text = upcomingReviewsIcs(
        await listGrantViews(registerDb()),
        settings,
        now,
        localDay(now),
      );
      const count = text.split('BEGIN:VEVENT').length - 1;
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `access-reviews-${localDay(now)}.ics`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus(
        t(count === 1 ? 'options_ics_done_one' : 'options_ics_done_many', formatNumber(count)),
      );
    } catch (error) {
      setStatus(t('options_ics_failed', error instanceof Error ? error.message : String(error)));
    }
  };
  return (
    <>
      <p>{t('options_ics_explain')}</p>
      <div className="actions">
        <button type="button" onClick={() => void onExport()}>
          {t('options_ics_export')}
        </button>
        <p role="status" data-testid="ics-status">
          {status}
        </p>
      </div>
    </>
  );
}
