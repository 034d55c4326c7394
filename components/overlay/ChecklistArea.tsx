import { useId } from 'react';
import { useStore } from 'zustand';
import type { ChecklistId, StepState } from '@/lib/checklists';
import {
  activeStep,
  checklistById,
  checklistFinished,
  checklistsOfferedOn,
  stepStates,
  stepTarget,
} from '@/lib/checklists';
import type { MessageKey } from '@/lib/i18n';
// The checklists' words are the frame's alone: the index leaves them out, so no other context
// that takes the checklists through it carries them (docs/page-agent-size.md).
// eslint-disable-next-line no-restricted-imports
import { CHECKLIST_WORDS, stepWords } from '@/lib/checklists/words';
import { formatNumber, t } from '@/lib/i18n';
import type { CompanionActions } from './actions';
import type { OverlayStore, TargetRect } from '@/lib/overlay';
import { TroubleshootCard } from './TroubleshootCard';

const STATE_WORDS: Record<StepState, MessageKey> = {
  todo: 'overlay_stepTodo',
  active: 'overlay_stepActive',
  done: 'overlay_stepDone',
  manual: 'overlay_stepManual',
};

/**
 * Why a step offers "I did this": its control is missing from the page (the step has one, and
 * the agent finds none to outline), or the user has been acting on the page without the page
 * proving the step, whether or not its control is on show. Only the first may say the companion
 * cannot find the control.
 */
export function missingControl(
  checklist: ChecklistId,
  step: string,
  target: TargetRect | null,
): boolean {
  return stepTarget(checklist, step) !== undefined && target === null;
}

/** What the checklist area asks of the runner. */
export type ChecklistActions = Pick<
  CompanionActions,
  | 'onStart'
  | 'onAbandon'
  | 'onManual'
  | 'onRecord'
  | 'onDeclineRecord'
  | 'onFocusTarget'
  | 'onChoosePerson'
>;

/**
 * The checklists on offer when none runs; else the running one: its steps ticking off, the
 * active step's help and controls, the advice, and the record question.
 */
export function ChecklistArea(props: ChecklistActions & { store: OverlayStore }) {
  const { store } = props;
  const progress = useStore(store, (s) => s.progress);
  const unrecognised = useStore(store, (s) => s.unrecognised);
  const advice = useStore(store, (s) => s.advice);
  const recordError = useStore(store, (s) => s.recordError);
  const recordAsk = useStore(store, (s) => s.recordAsk);
  const target = useStore(store, (s) => s.target);
  const pageKind = useStore(store, (s) => s.pageKind);
  const hintedFor = useStore(store, (s) => s.hintedFor);
  const heldBc = useStore(store, (s) => s.heldBc);
  const listId = useId();

  if (!progress) {
    const offered = checklistsOfferedOn(pageKind);
    return (
      // Offered at once: on an access page with nothing running, choosing a checklist is the
      // next thing to do.
      <section className="ac-menu" data-testid="checklist-menu" aria-labelledby={listId}>
        <h3 id={listId}>{t('overlay_checklistsMenu', formatNumber(offered.length))}</h3>
        <ul aria-labelledby={listId}>
          {offered.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="ac-link-button"
                data-checklist={c.id}
                onClick={() => props.onStart?.(c.id)}
              >
                {t(CHECKLIST_WORDS[c.id].title)}
              </button>
              <span className="ac-muted">{t(CHECKLIST_WORDS[c.id].summary)}</span>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const c = checklistById(progress.checklistId);
  const words = CHECKLIST_WORDS[c.id];
  const states = stepStates(c, progress, new Set(unrecognised));
  const active = activeStep(c, progress);
  const finished = checklistFinished(c, progress);
  const index = active ? c.steps.indexOf(active) + 1 : c.steps.length;
  const announcement = finished
    ? t('overlay_announceFinished', t(words.title))
    : active?.kind === 'record' && recordAsk
      ? t('overlay_announceRecordAsk', recordAsk.join('; '))
      : active
        ? t(
            target ? 'overlay_announceStepOutlined' : 'overlay_announceStep',
            formatNumber(index),
            formatNumber(c.steps.length),
            t(stepWords(c.id, active.id).title),
          )
        : '';

  return (
    <div className="ac-checklist" data-testid="checklist" data-checklist={c.id}>
      <h3>{t(words.title)}</h3>
      {words.warning ? (
        <p className="ac-warning" role="note">
          {t(words.warning)}
        </p>
      ) : null}
      {hintedFor ? (
        <p className="ac-muted" data-testid="hinted-for">
          {t('overlay_hintStarted', hintedFor)}
        </p>
      ) : null}
      <p className="ac-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {c.id === 'troubleshoot' ? (
        <TroubleshootCard store={store} onChoosePerson={props.onChoosePerson} />
      ) : null}
      <ol className="ac-steps">
        {c.steps.map((s) => {
          const state = states[s.id] ?? 'todo';
          const current = state === 'active' || state === 'manual';
          const said = stepWords(c.id, s.id);
          return (
            <li
              key={s.id}
              data-step={s.id}
              data-state={state}
              aria-current={current ? 'step' : undefined}
            >
              <span className="ac-step-title">
                {t(said.title)}
                <span className="ac-visually-hidden"> ({t(STATE_WORDS[state])})</span>
              </span>
              {current ? (
                <div className="ac-step-body">
                  <p>{t(said.help)}</p>
                  {said.warning && !words.warning ? (
                    <p className="ac-warning">{t(said.warning)}</p>
                  ) : null}
                  {s.kind === 'record' && recordAsk ? (
                    <RecordQuestion
                      lines={recordAsk}
                      onRecord={props.onRecord}
                      onDeclineRecord={props.onDeclineRecord}
                    />
                  ) : null}
                  {s.kind === 'record' && recordError ? (
                    <p className="ac-warning" role="alert">
                      {recordError}
                    </p>
                  ) : null}
                  {state === 'manual' ? (
                    <>
                      {s.done ? (
                        <p
                          className="ac-muted"
                          data-testid="unrecognised"
                          data-reason={missingControl(c.id, s.id, target) ? 'missing' : 'unproven'}
                        >
                          {t(
                            missingControl(c.id, s.id, target)
                              ? 'overlay_unrecognised'
                              : 'overlay_unproven',
                          )}
                        </p>
                      ) : null}
                      <button
                        type="button"
                        className="ac-button"
                        onClick={() => props.onManual?.(s.id)}
                      >
                        {t('overlay_iDidThis')}
                      </button>
                    </>
                  ) : null}
                  {s.kind === 'record' && recordError && !recordAsk ? (
                    <button
                      type="button"
                      className="ac-button ac-secondary"
                      onClick={() => props.onManual?.(s.id)}
                    >
                      {t('overlay_skipRecording')}
                    </button>
                  ) : null}
                  {target && state === 'active' ? (
                    <button
                      type="button"
                      className="ac-button ac-secondary"
                      onClick={() => props.onFocusTarget?.()}
                    >
                      {t('overlay_goToControl')}
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {advice.length > 0 ? (
        <ul className="ac-advice" aria-label={t('overlay_advice')}>
          {advice.map((a) => (
            <li key={a.text} className={a.level === 'warning' ? 'ac-warning' : 'ac-muted'}>
              {a.text}
            </li>
          ))}
        </ul>
      ) : null}
      {finished ? (
        <p className="ac-done" data-testid="checklist-finished">
          {t(
            progress.recordedGrantIds?.length
              ? 'overlay_allDoneRecorded'
              : heldBc
                ? 'overlay_doneNotRecorded'
                : 'overlay_allDone',
          )}
        </p>
      ) : null}
      <button type="button" className="ac-button ac-secondary" onClick={() => props.onAbandon?.()}>
        {t(finished ? 'overlay_closeChecklist' : 'overlay_abandonChecklist')}
      </button>
    </div>
  );
}

/** What the page proved and the register will be given, with Record / Not now. */
function RecordQuestion(
  props: Pick<CompanionActions, 'onRecord' | 'onDeclineRecord'> & { lines: string[] },
) {
  const titleId = useId();
  const helpId = useId();
  return (
    <section
      className="ac-record-ask"
      data-testid="record-confirm"
      aria-labelledby={titleId}
      aria-describedby={helpId}
    >
      <h4 id={titleId}>{t('overlay_recordAskTitle')}</h4>
      <ul>
        {props.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p id={helpId} className="ac-muted">
        {t('overlay_recordAskHelp')}
      </p>
      <div className="ac-actions">
        <button type="button" className="ac-button" onClick={() => props.onRecord?.()}>
          {t('overlay_recordConfirm')}
        </button>
        <button
          type="button"
          className="ac-button ac-secondary"
          onClick={() => props.onDeclineRecord?.()}
        >
          {t('overlay_recordNotNow')}
        </button>
      </div>
    </section>
  );
}
