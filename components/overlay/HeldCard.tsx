import { useId } from 'react';
import { useStore } from 'zustand';
import { statusWord } from '@/lib/tiktok';
import { t } from '@/lib/i18n';
import type { CompanionActions } from './actions';
import type { OverlayStore } from '@/lib/overlay';

/**
 * A client's Business Center (the register holds it as a client account I hold): its members are
 * the client's, so instead of the reconcile card the panel says so, with my own access there.
 */
export function HeldCard(
  props: Pick<CompanionActions, 'onOpenRegister'> & { store: OverlayStore },
) {
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
