import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { ProtocolMap } from '@/lib/messaging';
import type { PickerCenter } from '@/lib/register';
import { bcRoleLabel } from '@/lib/register';
import { questionName } from './HeldQuestionCard';

type Answers = Parameters<ProtocolMap['popup:answerHeldPicker']>[0]['answers'];
type Reply = ReturnType<ProtocolMap['popup:answerHeldPicker']>;

/** What the popup says once the picker's question was answered. */
export type PickerAnsweredState =
  { kind: 'saved'; clients: number; mine: number } | { kind: 'dismissed' };

/**
 * The popup's question on the Business Center picker: TikTok lists my own Business
 * Centers and my clients' together, so for each one the register does not know the user says
 * whose it is — mine, or a client's to track — or puts the rest off ("Not now"). One radio group
 * per Business Center (arrow keys move within it, Tab between them); unanswered ones stay asked.
 */
export function PickerQuestionCard({
  centers,
  onAnswer,
}: {
  centers: readonly PickerCenter[];
  onAnswer: (answers: Answers) => Promise<Reply>;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<Record<string, 'mine' | 'client'>>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState('');

  const send = async (answers: Answers) => {
    setBusy(true);
    setFailed('');
    try {
      const reply = await onAnswer(answers);
      if ('error' in reply) setFailed(t('held_answer_failed', reply.error));
      else setChosen({});
    } catch (error) {
      setFailed(t('held_answer_failed', error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const answers = centers.flatMap((c) =>
      chosen[c.orgId] ? [{ orgId: c.orgId, answer: chosen[c.orgId] as 'mine' | 'client' }] : [],
    );
    if (answers.length === 0) {
      setFailed(t('heldPicker_chooseOne'));
      return;
    }
    void send(answers);
  };

  return (
    <section
      className="card held-question held-picker"
      aria-labelledby={`${id}-ask`}
      aria-describedby={`${id}-why`}
      data-testid="held-picker"
    >
      <h2 id={`${id}-ask`} className="held-question-title">
        {t('heldPicker_ask')}
      </h2>
      <p id={`${id}-why`}>{t('heldPicker_why')}</p>
      <form onSubmit={onSubmit} noValidate>
        <div className="held-picker-list">
          {centers.map((c, i) => (
            <fieldset key={c.orgId} className="held-picker-center" data-org-id={c.orgId}>
              <legend>
                <span className="row-title">{questionName(c)}</span>
                {c.bcRole && (
                  <span className="muted small">
                    {' '}
                    · {t('heldPicker_role', bcRoleLabel(c.bcRole))}
                  </span>
                )}
              </legend>
              {(['client', 'mine'] as const).map((answer) => (
                <label key={answer} className="held-picker-choice">
                  <input
                    type="radio"
                    name={`${id}-bc-${i}`}
                    value={answer}
                    checked={chosen[c.orgId] === answer}
                    disabled={busy}
                    onChange={() => {
                      setChosen((old) => ({ ...old, [c.orgId]: answer }));
                      setFailed('');
                    }}
                  />{' '}
                  {answer === 'client' ? t('held_answer_client') : t('held_answer_mine')}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <div className="actions held-question-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('heldPicker_save')}
          </button>
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() =>
              void send(centers.map((c) => ({ orgId: c.orgId, answer: 'dismiss' as const })))
            }
          >
            {t('held_answer_dismiss')}
          </button>
        </div>
      </form>
      {failed && (
        <p role="alert" className="error">
          {failed}
        </p>
      )}
    </section>
  );
}

/** What the popup says after the picker's question was answered (a live region announces it). */
export function PickerAnswered({
  state,
  onOpen,
}: {
  state: PickerAnsweredState;
  onOpen: () => void;
}) {
  return (
    <p role="status" className="notice" data-testid="held-picker-answered">
      {state.kind === 'saved'
        ? t('heldPicker_saved', state.clients, state.mine)
        : t('held_answered_dismissed')}{' '}
      {state.kind === 'saved' && state.clients > 0 && (
        <button type="button" className="link-button" onClick={onOpen}>
          {t('heldPicker_open')}
        </button>
      )}
    </p>
  );
}
