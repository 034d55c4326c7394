import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { CampaignItem } from '@/lib/campaigns';
import { reasonRequired } from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import type { BulkDraft } from './store';
import { Field } from '../shared/Field';
import { decisionKindLabel } from './labels';

export interface BulkConfirmProps {
  draft: BulkDraft;
  items: readonly CampaignItem[];
  /** Refused items' count from the last try, shown until the draft changes. */
  refused: number;
  onConfirm: (reason: string, handTo: string) => void;
  onCancel: () => void;
}

/**
 * The confirmation a bulk decision needs: a modal dialog (the browser's own, which keeps focus
 * inside and closes on Escape) naming the decision and the count, asking the reason once for all
 * when any of them needs one.
 */
export function BulkConfirm({ draft, items, refused, onConfirm, onCancel }: BulkConfirmProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [handTo, setHandTo] = useState('');
  const needsReason = items.some((i) => reasonRequired(draft.kind, i.grant));
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);
  const missing = (needsReason && !reason.trim()) || (draft.kind === 'handOff' && !handTo.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!missing) onConfirm(reason, handTo);
  };
  return (
    <dialog
      ref={dialogRef}
      className="card bulk-confirm"
      aria-labelledby={`${id}-h`}
      data-testid="bulk-confirm"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit} className="sub-form">
        <h2 id={`${id}-h`}>
          {t('bulk_confirmTitle', decisionKindLabel(draft.kind), items.length.toLocaleString())}
        </h2>
        {draft.kind === 'lower' && <p className="muted">{t('bulk_lowerNote')}</p>}
        {draft.kind === 'handOff' && (
          <Field id={`${id}-hand`} label={t('decide_handTo')}>
            {(control) => (
              <input
                {...control}
                autoFocus
                maxLength={200}
                value={handTo}
                onChange={(e) => setHandTo(e.target.value)}
              />
            )}
          </Field>
        )}
        <Field
          id={`${id}-reason`}
          label={needsReason ? t('decide_reason') : t('decide_reasonOptional')}
        >
          {(control) => (
            <input
              {...control}
              autoFocus={draft.kind !== 'handOff'}
              maxLength={10_000}
              required={needsReason}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        {refused > 0 && (
          <p role="alert" className="error">
            {t('bulk_refused', refused.toLocaleString())}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" aria-disabled={missing || undefined}>
            {t('bulk_confirm', items.length.toLocaleString())}
          </button>
          <button type="button" onClick={onCancel}>
            {t('form_cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
