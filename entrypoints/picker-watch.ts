import { extensionAlive, followNavigations } from '@/lib/content-script/navigations';
import { tellBackground } from '@/lib/messaging/tell-background';
import { watchBusinessCenterList } from '@/lib/tiktok/watch';

/** Set on the extension's isolated world while a reader runs, so a second injection is a no-op. */
const RUNNING = '__accessCompanionPickerReader';

/**
 * The Business Center picker's reader: the background injects it (scripting.executeScript) when
 * the watcher reports the picker, so the watcher, which runs on every TikTok page, does not carry
 * it. It reports the Business Centers the picker lists (their own and their clients', with the
 * user's role where shown) once the list has rendered, and ends there or at the next navigation.
 * It never changes the page.
 */
export default defineUnlistedScript(() => {
  const holder = window as unknown as Record<string, unknown>;
  if (holder[RUNNING] === true || !extensionAlive()) return;
  holder[RUNNING] = true;
  const done = new AbortController();
  done.signal.addEventListener('abort', () => delete holder[RUNNING], { once: true });
  // Another route is another page: its list (if any) is reported by the reader injected for it.
  followNavigations(() => done.abort(), done.signal);
  watchBusinessCenterList(
    document,
    (centers) => {
      tellBackground('watcher:businessCentersSeen', { url: location.href, centers });
      done.abort();
    },
    done.signal,
  );
});
