import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ReconcileFinding } from '@/lib/overlay';
import { formatNumber, t } from '@/lib/i18n';
import type { CompanionActions } from './actions';
import type { OverlayStore } from '@/lib/overlay';

/**
 * What the page shows that the register does not say (and the reverse), each with "Update the
 * register" where the page proves the change, and "Update all" after a question in the panel.
 */
export function ReconcileCard(
  props: Pick<CompanionActions, 'onReconcile'> & { store: OverlayStore },
) {
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
