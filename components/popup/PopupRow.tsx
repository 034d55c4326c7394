import { t } from '@/lib/i18n';
import type { DueItem, GrantView } from '@/lib/register';
import { accountLabel, dueReasonLabel, grantBcUrl, partyLabel, statusLabel } from '@/lib/register';
import { describeRoles } from '../shared/format';
import { openRegister } from './open-register';

/** One grant in the popup's lists: what is due (with its reasons) or the latest changes. */
export function PopupRow({ view, due }: { view: GrantView; due?: DueItem }) {
  const bcUrl = grantBcUrl(view);
  return (
    <li className="popup-row" data-grant-id={view.grant.id}>
      <button
        type="button"
        className="link-button row-main"
        onClick={() => openRegister(view.grant.id)}
      >
        <span className="row-title">{partyLabel(view)}</span>
        <span className="muted small">
          {accountLabel(view)} · {describeRoles(view.grant)}
        </span>
      </button>
      <span className="row-badges">
        {due ? (
          due.reasons.map((r) => (
            <span key={r} className="badge due">
              {dueReasonLabel(r)}
            </span>
          ))
        ) : (
          <span className="badge" data-status={view.grant.status}>
            {statusLabel(view.grant.status)}
          </span>
        )}
        {bcUrl && (
          <a
            className="small"
            href={bcUrl}
            target="_blank"
            rel="noreferrer"
            aria-label={t('open_inBusinessCenterFor', partyLabel(view))}
          >
            {t('open_bcShort')}
          </a>
        )}
      </span>
    </li>
  );
}
