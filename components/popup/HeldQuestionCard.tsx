import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { ProtocolMap } from '@/lib/messaging';
import type { HeldQuestion } from '@/lib/register';
import { bcRoleLabel, statusLabel } from '@/lib/register';

type Answer = Parameters<ProtocolMap['popup:answerHeldQuestion']>[0]['answer'];
type Reply = ReturnType<ProtocolMap['popup:answerHeldQuestion']>;

/** What the user sees once they answered. */
export type AnsweredState =
  | { kind: 'recorded'; name: string; grantId: string | null }
  | { kind: 'mine'; name: string }
  | { kind: 'dismissed' };

/** The Business Center's name as the page showed it, else its ID. */
export function questionName(q: Pick<HeldQuestion, 'bcName' | 'orgId'>): string {
  return q.bcName || t('held_question_unnamed', q.orgId);
}

/** "You're a Standard member of Cedar & Co." in the words that fit my row's status. */
export function describeMyRow(q: HeldQuestion): string {
  const name = questionName(q);
  const role = q.bcRole ? bcRoleLabel(q.bcRole) : null;
  if (q.status === 'invited') {
    return role ? t('held_question_invited', role, name) : t('held_question_invitedNoRole', name);
  }
  if (q.status === 'active' || q.status === null) {
    return role ? t('held_question_member', role, name) : t('held_question_memberNoRole', name);
  }
  return t('held_question_status', name, statusLabel(q.status));
}

/**
 * The popup's question on a Business Center's Members page where my row is shown but the register
 * does not know whose Business Center it is: mine, or a client's to track.
 */
export function HeldQuestionCard({
  question,
  onAnswer,
}: {
  question: HeldQuestion;
  onAnswer: (answer: Answer) => Promise<Reply>;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState('');

  const answer = async (choice: Answer) => {
    setBusy(true);
    setFailed('');
    try {
      const reply = await onAnswer(choice);
      if ('error' in reply) setFailed(t('held_answer_failed', reply.error));
    } catch (error) {
      setFailed(t('held_answer_failed', error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="card held-question"
      aria-labelledby={`${id}-ask`}
      aria-describedby={`${id}-row`}
      data-testid="held-question"
    >
      <h2 id={`${id}-ask`} className="held-question-title">
        {t('held_question_ask')}
      </h2>
      <p id={`${id}-row`}>{describeMyRow(question)}</p>
      <p className="muted small">{t('held_question_seenAs', question.email)}</p>
      <div className="actions held-question-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void answer('client')}
        >
          {t('held_answer_client')}
        </button>
        <button type="button" disabled={busy} onClick={() => void answer('mine')}>
          {t('held_answer_mine')}
        </button>
        <button
          type="button"
          className="link-button"
          disabled={busy}
          onClick={() => void answer('dismiss')}
        >
          {t('held_answer_dismiss')}
        </button>
      </div>
      {failed && (
        <p role="alert" className="error">
          {failed}
        </p>
      )}
    </section>
  );
}

/** What the popup says after the question was answered (a live region announces it). */
export function HeldAnswered({
  state,
  onOpen,
}: {
  state: AnsweredState;
  onOpen: (grantId: string) => void;
}) {
  return (
    <p role="status" className="notice" data-testid="held-answered">
      {state.kind === 'recorded'
        ? t('held_answered_client', state.name)
        : state.kind === 'mine'
          ? t('held_answered_mine', state.name)
          : t('held_answered_dismissed')}{' '}
      {state.kind === 'recorded' && state.grantId && (
        <button
          type="button"
          className="link-button"
          onClick={() => onOpen(state.grantId as string)}
        >
          {t('held_answered_open')}
        </button>
      )}
    </p>
  );
}
