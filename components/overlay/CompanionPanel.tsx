import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ChecklistId, FlowSubject, StepState } from '@/lib/tiktok';
import {
  CHECKLISTS,
  activeStep,
  checklistById,
  checklistFinished,
  statusWord,
  stepStates,
} from '@/lib/tiktok';
import type { ReconcileFinding } from '@/lib/overlay/reconcile';
import type { PersonDiagnosis } from '@/lib/overlay/troubleshoot';
import type { MessageKey } from '@/lib/i18n';
import { CHECKLIST_WORDS, stepWords } from '@/lib/tiktok/checklist-words';
import { formatNumber, t } from '@/lib/i18n';
import { PAGE_KIND_LABELS } from '../shared/page-kind-labels';
import type { OverlayStore, TargetRect } from './store';

/** What the panel can ask of the runner and the background. */
export interface CompanionActions {
  /** Open the register (at one grant, when given). */
  onOpenRegister: (grantId?: string) => void;
  onStart?: (id: ChecklistId) => void;
  onAbandon?: () => void;
  onManual?: (stepId: string) => void;
  /** The user confirmed writing what the page proved to the register (Record). */
  onRecord?: () => void;
  /** The user chose not to write it (Not now): the run finishes without a record. */
  onDeclineRecord?: () => void;
  onFocusTarget?: () => void;
  /** `confirmed`: the user said yes to changing several register entries at once. */
  onReconcile?: (keys: string[], confirmed?: boolean) => void;
  /** Troubleshoot: the user chose whom it is about (null: nobody). */
  onChoosePerson?: (subject: FlowSubject | null) => void;
  /** The user changed where or how the panel shows: remember it. */
  onPrefs?: (prefs: { collapsed?: boolean; side?: 'left' | 'right'; closed?: boolean }) => void;
}

export interface CompanionPanelProps extends CompanionActions {
  store: OverlayStore;
  /**
   * The browser's shortcut into the panel from the page, as it shows it ('' when the user has
   * none set); undefined or null where unknown, and then the panel does not mention it.
   */
  shortcut?: string | null;
}

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
export function missingControl(step: { target?: unknown }, target: TargetRect | null): boolean {
  return step.target !== undefined && target === null;
}

/**
 * The companion panel (rendered in the companion frame, an extension page): the checklists, their
 * steps ticking off, and the reconcile card. The spotlight on the page is the page agent's.
 */
export function CompanionPanel(props: CompanionPanelProps) {
  const { store } = props;
  const pageKind = useStore(store, (s) => s.pageKind);
  const collapsed = useStore(store, (s) => s.collapsed);
  const side = useStore(store, (s) => s.side);
  const closed = useStore(store, (s) => s.closed);
  // The page agent places the frame: on the other side while the chosen one would cover the
  // control to use next or what the page opened.
  const shownSide = useStore(store, (s) => s.shownSide) ?? side;
  const bodyId = useId();
  const titleId = useId();

  if (closed) return null;

  const setPrefs = (prefs: { collapsed?: boolean; side?: 'left' | 'right'; closed?: boolean }) => {
    store.getState().set(prefs);
    props.onPrefs?.(prefs);
  };

  return (
    <div className={`ac-dock ac-dock-${shownSide}`} data-side={shownSide}>
      {collapsed ? (
        <button
          type="button"
          className="ac-launcher"
          aria-expanded="false"
          onClick={() => setPrefs({ collapsed: false })}
        >
          <span aria-hidden="true" className="ac-mark" />
          {t('overlay_name')}
        </button>
      ) : (
        <section
          className="ac-panel"
          data-testid="companion-panel"
          data-page-kind={pageKind}
          aria-labelledby={titleId}
          // Focused as a whole when the shortcut brings the keyboard here (read out by its name).
          tabIndex={-1}
        >
          <header className="ac-header">
            <span aria-hidden="true" className="ac-mark" />
            <h2 id={titleId}>{t('overlay_name')}</h2>
            <button
              type="button"
              className="ac-icon-button"
              onClick={() => setPrefs({ side: shownSide === 'left' ? 'right' : 'left' })}
            >
              <span aria-hidden="true">⇄</span>
              <span className="ac-visually-hidden">
                {t(shownSide === 'left' ? 'overlay_moveRight' : 'overlay_moveLeft')}
              </span>
            </button>
            <button
              type="button"
              className="ac-icon-button"
              aria-expanded="true"
              aria-controls={bodyId}
              onClick={() => setPrefs({ collapsed: true })}
            >
              <span aria-hidden="true">–</span>
              <span className="ac-visually-hidden">{t('overlay_collapse')}</span>
            </button>
            <button
              type="button"
              className="ac-icon-button"
              onClick={() => setPrefs({ closed: true })}
            >
              <span aria-hidden="true">×</span>
              <span className="ac-visually-hidden">{t('overlay_closeForPage')}</span>
            </button>
          </header>
          <div id={bodyId} className="ac-body">
            <p className="ac-context">{PAGE_KIND_LABELS[pageKind]}</p>
            <ChecklistArea {...props} />
            <HeldCard {...props} />
            <ReconcileCard {...props} />
            <button
              type="button"
              className="ac-button ac-secondary"
              onClick={() => props.onOpenRegister()}
            >
              {t('overlay_openRegister')}
            </button>
            {typeof props.shortcut === 'string' ? (
              <p className="ac-muted ac-keys" data-testid="keyboard-hint">
                {props.shortcut
                  ? t('overlay_keysHint', props.shortcut)
                  : t('overlay_keysHintNoShortcut')}
              </p>
            ) : null}
          </div>
        </section>
      )}
    </div>
  );
}

function ChecklistArea(props: CompanionPanelProps) {
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
    const offered = CHECKLISTS.filter((c) => c.offeredOn.includes(pageKind));
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
      {c.id === 'troubleshoot' ? <TroubleshootCard {...props} /> : null}
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
                    <RecordQuestion lines={recordAsk} {...props} />
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
                          data-reason={missingControl(s, target) ? 'missing' : 'unproven'}
                        >
                          {t(
                            missingControl(s, target) ? 'overlay_unrecognised' : 'overlay_unproven',
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
function RecordQuestion(props: CompanionPanelProps & { lines: string[] }) {
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

/** Troubleshoot: pick the person, then see the page's email and status next to the register's. */
function TroubleshootCard(props: CompanionPanelProps) {
  const view = useStore(props.store, (s) => s.troubleshoot);
  const selectId = useId();
  if (!view) return null;
  const group = (from: 'page' | 'register') => view.choices.filter((c) => c.from === from);
  const options = (from: 'page' | 'register') =>
    group(from).map((c) => (
      <option key={c.key} value={c.key}>
        {c.label}
      </option>
    ));
  return (
    <section className="ac-person" data-testid="troubleshoot-person">
      <label htmlFor={selectId}>{t('overlay_person_label')}</label>
      {view.choices.length === 0 ? (
        <p className="ac-muted">{t('overlay_person_empty')}</p>
      ) : (
        <select
          id={selectId}
          value={view.chosenKey ?? ''}
          onChange={(e) => {
            const chosen = view.choices.find((c) => c.key === e.currentTarget.value);
            props.onChoosePerson?.(chosen?.subject ?? null);
          }}
        >
          <option value="">{t('overlay_person_none')}</option>
          {group('page').length > 0 ? (
            <optgroup label={t('overlay_person_fromPage')}>{options('page')}</optgroup>
          ) : null}
          {group('register').length > 0 ? (
            <optgroup label={t('overlay_person_fromRegister')}>{options('register')}</optgroup>
          ) : null}
        </select>
      )}
      {view.diagnosis ? <Diagnosis d={view.diagnosis} /> : null}
    </section>
  );
}

function statusNote(d: PersonDiagnosis): { text: string; warn: boolean } | null {
  switch (d.pageStatus) {
    case null:
      return null;
    case 'pending':
      return { text: t('inviteCheck_pending'), warn: true };
    case 'active':
      return { text: t('inviteCheck_active'), warn: false };
    case 'unknown':
      return { text: t('inviteCheck_unknownStatus'), warn: false };
    default:
      return { text: t('inviteCheck_inactive', statusWord(d.pageStatus)), warn: true };
  }
}

function Diagnosis({ d }: { d: PersonDiagnosis }) {
  const headingId = useId();
  const note = statusNote(d);
  const waiting = d.pageStatus === 'pending' || d.pageStatus === 'expired';
  return (
    <div className="ac-diagnosis" data-testid="troubleshoot-diagnosis">
      <h4 id={headingId}>{t('inviteCheck_heading')}</h4>
      <ul aria-labelledby={headingId}>
        <li data-testid="page-email">
          {d.pageEmail ? t('inviteCheck_pageEmail', d.pageEmail) : t('inviteCheck_notOnPage')}
        </li>
        <li data-testid="register-email">
          {d.registerEmail
            ? t('inviteCheck_registerEmail', d.registerEmail)
            : t('inviteCheck_notInRegister')}
        </li>
        {d.pageEmail && d.registerEmail ? (
          <li
            data-testid="email-match"
            data-differ={String(d.emailsDiffer)}
            className={d.emailsDiffer ? 'ac-warning' : 'ac-muted'}
          >
            {t(d.emailsDiffer ? 'inviteCheck_mismatch' : 'inviteCheck_match')}
          </li>
        ) : null}
        {d.emailNotes.map((n) => (
          <li key={n.text} className={n.level === 'warning' ? 'ac-warning' : 'ac-muted'}>
            {n.text}
          </li>
        ))}
        {d.pageStatus ? (
          <li data-testid="page-status" data-status={d.pageStatus}>
            {t('inviteCheck_pageStatus', statusWord(d.pageStatus))}
          </li>
        ) : null}
        {note ? <li className={note.warn ? 'ac-warning' : 'ac-muted'}>{note.text}</li> : null}
        {d.registerStatus ? (
          <li data-testid="register-status">
            {t('inviteCheck_registerStatus', statusWord(d.registerStatus))}
          </li>
        ) : null}
        {waiting ? <li className="ac-muted">{t('inviteCheck_spam')}</li> : null}
        {waiting ? <li className="ac-muted">{t('inviteCheck_resend')}</li> : null}
      </ul>
    </div>
  );
}

/**
 * A client's Business Center (the register holds it as a client account I hold): its members are
 * the client's, so instead of the reconcile card the panel says so, with my own access there.
 */
function HeldCard(props: CompanionPanelProps) {
  const held = useStore(props.store, (s) => s.heldBc);
  const headingId = useId();
  if (!held) return null;
  const mine = held.myGrant;
  const role = !mine?.bcRole
    ? t('held_panel_noRole')
    : t(mine.bcRole === 'admin' ? 'role_bc_admin' : 'role_bc_standard');
  return (
    <section className="ac-held" data-testid="held-note" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('held_panel_heading')}</h3>
      <p>{t('held_panel_note')}</p>
      <p data-testid="held-role" data-status={mine?.status ?? ''}>
        {mine ? t('held_panel_role', role, statusWord(mine.status)) : t('held_panel_noGrant')}
      </p>
      {mine ? (
        <button
          type="button"
          className="ac-link-button"
          onClick={() => props.onOpenRegister(mine.grantId)}
        >
          {t('held_panel_open')}
        </button>
      ) : null}
    </section>
  );
}

function ReconcileCard(props: CompanionPanelProps) {
  const findings = useStore(props.store, (s) => s.reconcile);
  const headingId = useId();
  // The list is rendered only while open: page text (names) stays out of the DOM until asked.
  const [open, setOpen] = useState(false);
  // "Update all" asks first, in the panel: the keys the user is asked about, while asking.
  const [asking, setAsking] = useState<string[] | null>(null);
  const updateAllRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  // Where the focus goes once the question is answered: back to "Update all" on Cancel; to the
  // card's summary on Confirm (the button goes once the register follows the page).
  const focusAfter = useRef<'updateAll' | 'summary' | null>(null);
  useEffect(() => {
    if (asking || !focusAfter.current) return;
    const back = focusAfter.current === 'updateAll' ? updateAllRef.current : null;
    (back ?? summaryRef.current)?.focus();
    focusAfter.current = null;
  }, [asking]);
  if (findings.length === 0) return null;
  const fixable = findings.filter((f) => f.update);
  // What the question is about, as the page reads now (a finding the page no longer shows is
  // not asked about, nor applied).
  const asked = asking ? fixable.filter((f) => asking.includes(f.key)) : [];
  const done = (applied: boolean) => {
    focusAfter.current = applied ? 'summary' : 'updateAll';
    setAsking(null);
  };
  return (
    <details
      className="ac-reconcile"
      data-testid="reconcile-card"
      open={open}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
        if (!e.currentTarget.open) setAsking(null);
      }}
    >
      <summary id={headingId} ref={summaryRef}>
        {t('overlay_reconcileSummary', formatNumber(findings.length))}
      </summary>
      {open ? (
        <ul aria-labelledby={headingId}>
          {findings.map((f) => (
            <li key={f.key} data-kind={f.kind}>
              <span>{f.text}</span>
              {f.update ? (
                <button
                  type="button"
                  className="ac-link-button"
                  onClick={() => props.onReconcile?.([f.key])}
                >
                  {t('overlay_updateRegister')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {open && fixable.length > 1 && !asking ? (
        <button
          ref={updateAllRef}
          type="button"
          className="ac-button ac-secondary"
          aria-haspopup="dialog"
          onClick={() => setAsking(fixable.map((f) => f.key))}
        >
          {t('overlay_updateAll', formatNumber(fixable.length))}
        </button>
      ) : null}
      {open && asking && asked.length > 0 ? (
        <UpdateAllQuestion
          findings={asked}
          onAnswer={(yes) => {
            // Several grants change with one click: only on the user's yes, given here.
            if (yes)
              props.onReconcile?.(
                asked.map((f) => f.key),
                true,
              );
            done(yes);
          }}
        />
      ) : null}
    </details>
  );
}

/**
 * The question before "Update all": what will change and how many entries, answered with
 * Confirm or Cancel (or Escape). It takes the focus when it opens, so a screen reader reads it
 * out (an alertdialog, named by its question); the focus starts on Cancel, the answer that
 * changes nothing.
 */
function UpdateAllQuestion(props: {
  findings: readonly ReconcileFinding[];
  onAnswer: (yes: boolean) => void;
}) {
  const titleId = useId();
  const listId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  const count = formatNumber(props.findings.length);
  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={listId}
      className="ac-question"
      data-testid="update-all-question"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Escape answers the question; it does not also leave the panel.
        e.stopPropagation();
        e.preventDefault();
        props.onAnswer(false);
      }}
    >
      <p id={titleId} className="ac-question-title">
        {t('overlay_updateAllConfirm', count)}
      </p>
      <ul id={listId}>
        {props.findings.map((f) => (
          <li key={f.key}>{f.text}</li>
        ))}
      </ul>
      <div className="ac-question-buttons">
        <button type="button" className="ac-button" onClick={() => props.onAnswer(true)}>
          {t('overlay_updateAllYes', count)}
        </button>
        <button
          ref={cancelRef}
          type="button"
          className="ac-button ac-secondary"
          onClick={() => props.onAnswer(false)}
        >
          {t('overlay_updateAllCancel')}
        </button>
      </div>
    </div>
  );
}
