import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { download } from '../shared/download';

type State = 'idle' | 'working' | 'saved' | 'failed';

/**
 * "Save this page's shape": on a TikTok tab, saves the page's structure with every text replaced
 * by its class, for the user to attach to a bug report when the extension misreads a page.
 */
export function SavePageShape({ tabId }: { tabId: number }) {
  const [state, setState] = useState<State>('idle');
  const hint = useId();
  const save = async () => {
    setState('working');
    try {
      const answer = await sendMessage('popup:pageShape', { tabId });
      if (!('shape' in answer)) {
        setState('failed');
        return;
      }
      download(JSON.stringify(answer.shape, null, 1), answer.fileName, 'application/json');
      setState('saved');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="page-shape" data-testid="page-shape">
      <button
        type="button"
        className="link-button"
        aria-describedby={hint}
        disabled={state === 'working'}
        onClick={() => void save()}
      >
        {t('popup_pageShapeSave')}
      </button>
      <p id={hint} className="muted small">
        {t('popup_pageShapeHint')}
      </p>
      <p role="status" className="small">
        {state === 'saved'
          ? t('popup_pageShapeSaved')
          : state === 'failed'
            ? t('popup_pageShapeFailed')
            : ''}
      </p>
    </div>
  );
}
