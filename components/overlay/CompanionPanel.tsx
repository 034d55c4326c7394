import { useId } from 'react';
import { useStore } from 'zustand';
import { t } from '@/lib/i18n';
import { PAGE_KIND_LABELS } from '../shared/page-kind-labels';
import type { OverlayStore } from './store';

export interface CompanionPanelProps {
  store: OverlayStore;
  onOpenRegister: () => void;
}

/** The in-page panel: where the checklists will run, collapsible to a small button. */
export function CompanionPanel({ store, onOpenRegister }: CompanionPanelProps) {
  const pageKind = useStore(store, (s) => s.pageKind);
  const collapsed = useStore(store, (s) => s.collapsed);
  const setCollapsed = useStore(store, (s) => s.setCollapsed);
  const bodyId = useId();
  const titleId = useId();

  if (collapsed) {
    return (
      <button
        type="button"
        className="ac-launcher"
        aria-expanded="false"
        onClick={() => setCollapsed(false)}
      >
        <span aria-hidden="true" className="ac-mark" />
        {t('overlay_name')}
      </button>
    );
  }

  return (
    <section
      className="ac-panel"
      data-testid="companion-panel"
      data-page-kind={pageKind}
      aria-labelledby={titleId}
    >
      <header className="ac-header">
        <span aria-hidden="true" className="ac-mark" />
        <h2 id={titleId}>{t('overlay_name')}</h2>
        <button
          type="button"
          className="ac-icon-button"
          aria-expanded="true"
          aria-controls={bodyId}
          onClick={() => setCollapsed(true)}
        >
          <span aria-hidden="true">–</span>
          <span className="ac-visually-hidden">{t('overlay_collapse')}</span>
        </button>
      </header>
      <div id={bodyId} className="ac-body">
        <p className="ac-context">{PAGE_KIND_LABELS[pageKind]}</p>
        <p>{t('overlay_layers')}</p>
        <button type="button" className="ac-button" onClick={onOpenRegister}>
          {t('overlay_openRegister')}
        </button>
      </div>
    </section>
  );
}
