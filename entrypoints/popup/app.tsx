import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ADD_PRESSED } from '@/components/popup/first-rows';
import { PopupApp } from '@/components/popup/PopupApp';
import type { GrantView } from '@/lib/register/queries';

/**
 * Mount the popup over its first screen. React replaces the first screen in its first commit
 * with the same markup (the same rows, given as `initialRecent`); what was typed into the first
 * screen's search box, its focus and a press of its quick add button carry over.
 */
export function mountPopup(root: HTMLElement, initialRecent: GrantView[] | undefined): void {
  const typed = root.querySelector<HTMLInputElement>('input[type="search"]');
  createRoot(root).render(
    <StrictMode>
      <PopupApp
        initialRecent={initialRecent}
        firstSearchBox={typed}
        focusSearch={typed !== null && document.activeElement === typed}
        startAdding={root.querySelector(`[${ADD_PRESSED}]`) !== null}
      />
    </StrictMode>,
  );
}
