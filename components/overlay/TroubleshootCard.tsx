import { useId } from 'react';
import { useStore } from 'zustand';
import { statusWord } from '@/lib/tiktok';
import type { PersonDiagnosis } from '@/lib/overlay';
import { t } from '@/lib/i18n';
import type { CompanionActions } from './actions';
import type { OverlayStore } from '@/lib/overlay';

/** Troubleshoot: pick the person, then see the page's email and status next to the register's. */
export function TroubleshootCard(
  props: Pick<CompanionActions, 'onChoosePerson'> & { store: OverlayStore },
) {
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
