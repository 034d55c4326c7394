import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { sendMessage } from '@/lib/messaging/protocol';
import { registerDb } from '@/lib/register/db';
import { listGrantViews } from '@/lib/register/grants';
import type { PlannedReminder } from '@/lib/reminders/schedule';
import { describeReminder, planReminders } from '@/lib/reminders/schedule';
import type { ReminderSettings } from '@/lib/reminders/settings';
import { businessCenterUrl } from '@/lib/reminders/state';

type Action = 'markReviewed' | 'snoozeDay' | 'snoozeWeek' | 'dismiss';

/**
 * What is due now, with every action a notification offers and those it has no room for
 * (Chrome allows two buttons): snooze a week, and dismiss an invitation or contract reminder.
 */
export function DueReminders({ settings }: { settings: ReminderSettings }) {
  const [status, setStatus] = useState('');
  const [reviewing, setReviewing] = useState<{ id: string; decision: 'lower' | 'revoke' } | null>(
    null,
  );
  const [note, setNote] = useState('');
  const [checklist, setChecklist] = useState<{ url: string; label: string } | null>(null);
  const due = useLiveQuery(async () => {
    const db = registerDb();
    const [grants, states] = await Promise.all([listGrantViews(db), db.reminders.toArray()]);
    return planReminders(grants, states, settings, new Date()).due;
  }, [settings]);

  const act = async (r: PlannedReminder, action: Action, done: string) => {
    try {
      // The background does it, so the badge, the alarm and any open notification follow.
      await sendMessage('page:reminderAction', { reminderIds: [r.id], action });
      setStatus(done);
    } catch (error) {
      setStatus(`That did not work: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const review = async (r: PlannedReminder, decision: 'lower' | 'revoke', title: string) => {
    try {
      const { checklistUrl } = await sendMessage('page:reviewGrant', {
        grantId: r.grantId,
        decision,
        note,
      });
      setReviewing(null);
      setNote('');
      setStatus(`Review recorded (${decision}): ${title}. The next review is scheduled.`);
      setChecklist(
        checklistUrl
          ? {
              url: checklistUrl,
              label:
                decision === 'lower'
                  ? 'Open Business Center to lower the role, with the checklist'
                  : 'Open Business Center to revoke the access, with the checklist',
            }
          : null,
      );
    } catch (error) {
      setStatus(`That did not work: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  if (due === undefined) return <p>Loading…</p>;
  return (
    <>
      {due.length === 0 ? (
        <p data-testid="due-empty">
          Nothing is due. Reviews, stale invitations and contract ends appear here when they are.
        </p>
      ) : (
        <ul className="due-list" data-testid="due-list">
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
                <div className="actions" role="group" aria-label={`Actions for: ${title}`}>
                  {r.kind === 'review' && (
                    <>
                      <button
                        type="button"
                        className="primary"
                        onClick={() => void act(r, 'markReviewed', `Marked reviewed: ${title}`)}
                      >
                        Mark reviewed
                      </button>
                      <button
                        type="button"
                        aria-expanded={reviewing?.id === r.id && reviewing.decision === 'lower'}
                        onClick={() => setReviewing({ id: r.id, decision: 'lower' })}
                      >
                        Lower…
                      </button>
                      <button
                        type="button"
                        aria-expanded={reviewing?.id === r.id && reviewing.decision === 'revoke'}
                        onClick={() => setReviewing({ id: r.id, decision: 'revoke' })}
                      >
                        Revoke…
                      </button>
                    </>
                  )}
                  <button
                    type="button"
                    onClick={() => void act(r, 'snoozeDay', `Snoozed for a day: ${title}`)}
                  >
                    Snooze 1 day
                  </button>
                  <button
                    type="button"
                    onClick={() => void act(r, 'snoozeWeek', `Snoozed for a week: ${title}`)}
                  >
                    Snooze 1 week
                  </button>
                  {r.kind !== 'review' && (
                    <button
                      type="button"
                      onClick={() => void act(r, 'dismiss', `Dismissed: ${title}`)}
                    >
                      Dismiss
                    </button>
                  )}
                  {bc && (
                    <a className="button" href={bc} target="_blank" rel="noreferrer">
                      Open in Business Center
                    </a>
                  )}
                </div>
                {reviewing?.id === r.id && (
                  <form
                    className="review-form"
                    aria-label={`Record the review: ${reviewing.decision}`}
                    onSubmit={(e) => {
                      e.preventDefault();
                      void review(r, reviewing.decision, title);
                    }}
                  >
                    <label htmlFor={`note-${r.id}`}>
                      Why {reviewing.decision === 'lower' ? 'lower it' : 'revoke it'}? (optional
                      note, kept in the grant’s history)
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
                        Record “{reviewing.decision}”
                      </button>
                      <button type="button" onClick={() => setReviewing(null)}>
                        Cancel
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
