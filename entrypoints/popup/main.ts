// The popup's first rows come before React and Dexie: this entry is small (the first screen as
// plain DOM, read straight from IndexedDB), and the React app is loaded once the rows are
// painted, so its parsing and start-up do not delay them.
import '@/components/shared/theme.css';
import './style.css';
import { LIST_LIMIT, firstScreen } from '@/components/popup/first-rows';
import { t } from '@/lib/i18n';
import { REGISTER_DB_NAME } from '@/lib/register/db-name';
import type { GrantView } from '@/lib/register/queries';
import { openRegisterForReading, recentViewsFromIdb } from '@/lib/register/idb-read';

// The page is in the language its messages came in (public/_locales), for screen readers.
document.documentElement.lang = t('locale_code');
const root = document.getElementById('root')!;

/** The latest changes; `undefined` when they cannot be read here (React reads them then). */
async function readFirstRows(): Promise<GrantView[] | undefined> {
  try {
    const idb = await openRegisterForReading(REGISTER_DB_NAME);
    if (!idb) return []; // no register yet
    try {
      return await recentViewsFromIdb(idb, LIST_LIMIT);
    } finally {
      idb.close();
    }
  } catch {
    return undefined;
  }
}

/** Run `next` once the frame after now is painted (or soon, if frames are not being drawn). */
function afterPaint(next: () => void): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    next();
  };
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 100); // a page that is not drawn gets no animation frames
}

/**
 * How long the first rows may take before React is loaded regardless (a database busy with an
 * upgrade in another context answers only once that is done; React then waits for it as usual).
 */
const FIRST_ROWS_WAIT_MS = 500;

const waited = new Promise<undefined>((resolve) =>
  setTimeout(() => resolve(undefined), FIRST_ROWS_WAIT_MS),
);
void Promise.race([readFirstRows(), waited]).then((recent) => {
  if (recent) root.replaceChildren(firstScreen(recent));
  afterPaint(() => void import('./app').then(({ mountPopup }) => mountPopup(root, recent)));
});
