import type { FormEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { CampaignScope } from '@/lib/campaigns';
import { CampaignInputError, startOffboarding } from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { dayAfter } from '@/lib/register';
import type { Party } from '@/lib/register';
import { hashOf } from './route';
import { Field } from '../shared/Field';
import { DueOnField, ReviewerField } from './fields';

/** An offboarding is carried out within a week unless the one who starts it says otherwise. */
const DEFAULT_DUE_IN_DAYS = 7;

type Target = { scope: CampaignScope; name: string };

/**
 * "Offboard": from a person's or partner's grant, take away everything they (or their whole
 * organisation) hold, as one campaign whose every item is decided revoke; it opens at once.
 */
export function Offboard({ party }: { party: Party | undefined }) {
  const [target, setTarget] = useState<Target | null>(null);
  if (!party || party.deletedAt !== null || party.isMe) return null;
  const name = party.name || party.email || party.bcId || '';
  const organisation = party.organisation.trim();
  if (target) return <OffboardForm target={target} onCancel={() => setTarget(null)} />;
  return (
    <div className="detail-actions offboard">
      <button
        type="button"
        onClick={() => setTarget({ scope: { kind: 'party', partyId: party.id }, name })}
      >
        {t('offboard_party', name)}
      </button>
      {organisation && (
        <button
          type="button"
          onClick={() =>
            setTarget({ scope: { kind: 'organisation', organisation }, name: organisation })
          }
        >
          {t('offboard_organisation', organisation)}
        </button>
      )}
    </div>
  );
}

function OffboardForm({ target, onCancel }: { target: Target; onCancel: () => void }) {
  const id = useId();
  const [reviewer, setReviewer] = useState('');
  const [dueOn, setDueOn] = useState(() => dayAfter(new Date(), DEFAULT_DUE_IN_DAYS));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!reviewer.trim()) return setError(t('start_error_reviewer'));
    if (!reason.trim()) return setError(t('offboard_error_reason'));
    setBusy(true);
    try {
      const c = await startOffboarding(
        registerDb(),
        { scope: target.scope, reviewer, dueOn, reason },
        new Date(),
      );
      location.hash = hashOf({ page: 'campaign', campaignId: c.id });
    } catch (e) {
      if (e instanceof CampaignInputError && e.problem !== 'invalid') {
        setError(t(`start_error_${e.problem}`));
      } else setError(t('start_error_other', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="offboard" aria-labelledby={`${id}-title`} data-testid="offboard-form">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('offboard_title', target.name)}
      </h3>
      <p className="muted">{t('offboard_intro')}</p>
      <form className="grant-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id={`${id}-reason`} label={t('offboard_reason')}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              required
              maxLength={10_000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <ReviewerField id={`${id}-reviewer`} value={reviewer} onChange={setReviewer} />
        <DueOnField id={`${id}-due`} value={dueOn} onChange={setDueOn} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('offboard_submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('form_cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
