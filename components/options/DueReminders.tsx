import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { campaignPageUrl } from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { registerDb } from '@/lib/register';
import { listGrantViews } from '@/lib/register';
import type { PlannedCampaignReminder, PlannedReminder } from '@/lib/reminders';
import {
  campaignInfos,
  describeCampaignReminder,
  describeReminder,
  planCampaignReminders,
  planReminders,
} from '@/lib/reminders';
import type { ReminderSettings } from '@/lib/settings';
import { businessCenterUrl } from '@/lib/reminders';

type Action = 'markReviewed' | 'snoozeDay' | 'snoozeWeek' | 'dismiss';
type Decision = 'lower' | 'revoke';

/** The decision as the status line and the form's button name it. */
const decisionWord = (d: Decision) =>
  t(d === 'lower' ? 'options_due_decisionLower' : 'options_due_decisionRevoke');

const failed = (error: unknown) =>
  t('options_due_failed', error instanceof Error ? error.message : String(error));

/**
 * What is due now, with every action a notification offers and those it has no room for
 * (Chrome allows two buttons): snooze a week, and dismiss an invitation or contract reminder.
 */
export function DueReminders({ settings }: { settings: ReminderSettings }) {
  const [status, setStatus] = useState('');
  const [reviewing, setReviewing] = useState<{ id: string; decision: Decision } | null>(null);
  const [note, setNote] = useState('');
  const [checklist, setChecklist] = useState<{ url: string; label: string } | null>(null);
  const due = useLiveQuery(async () => {
    const db = registerDb();
    const [grants, states] = await Promise.all([listGrantViews(db), db.reminders.toArray()]);
    return planReminders(grants, states, settings, new Date()).due;
  }, [settings]);
  // The badge counts campaigns due beside grants, so the list shows them too.
  const campaignsDue = useLiveQuery(async () => {
    const db = registerDb();
    const [infos, states] = await Promise.all([campaignInfos(db), db.campaignReminders.toArray()]);
    return planCampaignReminders(infos, states, settings, new Date()).due;
  }, [settings]);

  const act = async (r: PlannedReminder, action: Action, done: string) => {
    try {
      // The background does it, so the badge, the alarm and any open notification follow.
      await sendMessage('page:reminderAction', { reminderIds: [r.id], action });
      setStatus(done);
    } catch (error) {
      setStatus(failed(error));
    }
  };

  const review = async (r: PlannedReminder, decision: Decision, title: string) => {
    try {
      const { checklistUrl } = await sendMessage('page:reviewGrant', {
        grantId: r.grantId,
        decision,
        note,
      });
      setReviewing(null);
      setNote('');
      setStatus(t('options_due_reviewRecorded', decisionWord(decision), title));
      setChecklist(
        checklistUrl
          ? {
              url: checklistUrl,
              label: t(
                decision === 'lower' ? 'options_due_checklistLower' : 'options_due_checklistRevoke',
              ),
            }
          : null,
      );
    } catch (error) {
      setStatus(failed(error));
    }
  };

  if (due === undefined || campaignsDue === undefined) return <p>{t('options_loading')}</p>;
  return (
    <>
      {due.length === 0 && campaignsDue.length === 0 ? (
        <p data-testid="due-empty">{t('options_due_empty')}</p>
      ) : (
        <ul className="due-list" data-testid="due-list">
          {campaignsDue.map((r) => (
            <CampaignDue key={r.id} reminder={r} />
          ))}
          {due.map((r) => {
            const { title, message } = describeReminder(r, new Date());
            const bc = businessCenterUrl(
              r.info,
              r.kind === 'invitation' ? 'resend' : r.kind === 'review' ? 'review' : 'revoke',
            );
            return (
              <li key={r.id} className="due-item">
                <h3>{title}</h3>
                <p>{message}</p>
                <div
                  className="actions"
                  role="group"
                  aria-label={t('options_due_actionsFor', title)}
                >
                  {r.kind === 'review' && (
                    <>
                      <button
                        type="button"
                        className="primary"
                        onClick={() =>
                          void act(r, 'markReviewed', t('options_due_done_markedReviewed', title))
                        }
                      >
                        {t('reminders_button_markReviewed')}
                      </button>
                      <button
                        type="button"
                        aria-expanded={reviewing?.id === r.id && reviewing.decision === 'lower'}
                        onClick={() => setReviewing({ id: r.id, decision: 'lower' })}
                      >
                        {t('options_due_lower')}
                      </button>
                      <button
                        type="button"
                        aria-expanded={reviewing?.id === r.id && reviewing.decision === 'revoke'}
                        onClick={() => setReviewing({ id: r.id, decision: 'revoke' })}
                      >
                        {t('options_due_revoke')}
                      </button>
                    </>
                  )}
                  <button
                    type="button"
                    onClick={() =>
                      void act(r, 'snoozeDay', t('options_due_done_snoozedDay', title))
                    }
                  >
                    {t('reminders_button_snoozeDay')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void act(r, 'snoozeWeek', t('options_due_done_snoozedWeek', title))
                    }
                  >
                    {t('options_due_snoozeWeek')}
                  </button>
                  {r.kind !== 'review' && (
                    <button
                      type="button"
                      onClick={() => void act(r, 'dismiss', t('options_due_done_dismissed', title))}
                    >
                      {t('options_due_dismiss')}
                    </button>
                  )}
                  {bc && (
                    <a className="button" href={bc} target="_blank" rel="noreferrer">
                      {t('reminders_button_openBc')}
                    </a>
                  )}
                </div>
                {reviewing?.id === r.id && (
                  <form
                    className="review-form"
                    aria-label={t('options_due_reviewForm', decisionWord(reviewing.decision))}
                    onSubmit={(e) => {
                      e.preventDefault();
                      void review(r, reviewing.decision, title);
                    }}
                  >
                    <label htmlFor={`note-${r.id}`}>
                      {t(
                        reviewing.decision === 'lower'
                          ? 'options_due_noteLower'
                          : 'options_due_noteRevoke',
                      )}
                    </label>
                    <textarea
                      id={`note-${r.id}`}
                      value={note}
                      rows={2}
                      // The form opens because the user asked for it: take them to its field.
                      autoFocus
                      onChange={(e) => setNote(e.target.value)}
                    />
                    <div className="actions">
                      <button type="submit" className="primary">
                        {t('options_due_record', decisionWord(reviewing.decision))}
                      </button>
                      <button type="button" onClick={() => setReviewing(null)}>
                        {t('form_cancel')}
                      </button>
                    </div>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" data-testid="due-status">
        {status}
      </p>
      {checklist && (
        <p>
          <a className="button" href={checklist.url} target="_blank" rel="noreferrer">
            {checklist.label}
          </a>
        </p>
      )}
    </>
  );
}

/**
 * A campaign due soon or overdue. What it asks for is decisions, which are made in the campaign
 * itself, so its one action opens the campaign, as its notification's button does.
 */
function CampaignDue({ reminder }: { reminder: PlannedCampaignReminder }) {
  const { title, message } = describeCampaignReminder(reminder);
  return (
    <li className="due-item" data-kind={reminder.kind}>
      <h3>{title}</h3>
      <p>{message}</p>
      <div className="actions" role="group" aria-label={t('options_due_actionsFor', title)}>
        <a
          className="button primary"
          href={campaignPageUrl(reminder.campaignId)}
          target="_blank"
          rel="noreferrer"
        >
          {t('reminders_button_openReview')}
        </a>
      </div>
    </li>
  );
}
