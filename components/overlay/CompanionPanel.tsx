import { useId } from 'react';
import { useStore } from 'zustand';
import { t } from '@/lib/i18n';
import { ACCESS_PAGE_KINDS } from '@/lib/tiktok';
import { PAGE_KIND_LABELS } from '../shared/page-kind-labels';
import { CampaignNewsCard } from './CampaignNewsCard';
import { ChecklistArea } from './ChecklistArea';
import { HeldCard } from './HeldCard';
import { ReconcileCard } from './ReconcileCard';
import type { CompanionActions } from './actions';
import type { OverlayStore } from '@/lib/overlay';

export type { CompanionActions } from './actions';

export { missingControl } from './ChecklistArea';

export interface CompanionPanelProps extends CompanionActions {
  store: OverlayStore;
  /**
   * The browser's shortcut into the panel from the page, as it shows it ('' when the user has
   * none set); undefined or null where unknown, and then the panel does not mention it.
   */
  shortcut?: string | null;
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

  // Closed for the page; or a route that is not about access, where the frame stays (out of
  // sight) only to follow a run that goes on (lib/overlay/frame-run.ts): no panel there.
  if (closed || !ACCESS_PAGE_KINDS.has(pageKind)) return null;

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
            <ChecklistArea
              store={store}
              onStart={props.onStart}
              onAbandon={props.onAbandon}
              onManual={props.onManual}
              onRecord={props.onRecord}
              onDeclineRecord={props.onDeclineRecord}
              onFocusTarget={props.onFocusTarget}
              onChoosePerson={props.onChoosePerson}
            />
            <CampaignNewsCard store={store} />
            <HeldCard store={store} onOpenRegister={props.onOpenRegister} />
            <ReconcileCard store={store} onReconcile={props.onReconcile} />
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
