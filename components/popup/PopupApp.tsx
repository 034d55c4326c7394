import { useLiveQuery } from 'dexie-react-hooks';
import {
  Suspense,
  lazy,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import type { GrantView } from '@/lib/register';
import { dueSnapshot, narrowingFilter, recentViews } from '@/lib/register';
import { useWholeRegister } from '../register/use-whole-register';
import { Brand } from '../shared/Brand';
import { PAGE_KIND_LABELS } from '../shared/page-kind-labels';
import { LIST_LIMIT } from './first-rows';
import { ContradictedCard } from './ContradictedCard';
import { HeldAnswered, HeldQuestionCard } from './HeldQuestionCard';
import { ManagedInBcHint } from './ManagedInBcHint';
import { openRegister } from './open-register';
import { PickerAnswered, PickerQuestionCard } from './PickerQuestionCard';
import { PopupRow } from './PopupRow';
import { SavePageShape } from './SavePageShape';
import { useActiveTab, useHeldPicker, useHeldQuestion } from './use-tab';

/** How many due items the popup lists; the rest are counted. */
const DUE_LIMIT = 8;

// The popup's first screen loads only what it shows: the quick add form (with the write rules
// and their validation) and the identity settings are loaded when they are needed.
const QuickAdd = lazy(() => import('./QuickAdd'));
const loadIdentityModule = () => import('@/lib/register/identity');

/** What the popup's first screen (./first-rows.ts) already shows when React takes over. */
export interface PopupStart {
  /** The latest changes as the first screen listed them, shown until Dexie has read them. */
  initialRecent?: GrantView[];
  /**
   * The first screen's search box (gone from the page once React commits): what was typed into
   * it up to React's first commit is searched.
   */
  firstSearchBox?: HTMLInputElement | null;
  /** Whether the first screen's search box had the focus. */
  focusSearch?: boolean;
  /** Whether quick add was pressed on the first screen: the form opens at once. */
  startAdding?: boolean;
}

/** The toolbar popup: what is due first, a searchable list, quick add, the way to the register. */
export function PopupApp({
  initialRecent,
  firstSearchBox = null,
  focusSearch = false,
  startAdding = false,
}: PopupStart) {
  const { tabId, context } = useActiveTab();
  const held = useHeldQuestion(tabId);
  const picker = useHeldPicker(tabId);
  // First rows from one indexed query with a limit; what is due (read through three indexes,
  // a thousand rows at 10,000 grants) is read once they are on screen, so it does not delay them.
  const recent = useLiveQuery(() => recentViews(registerDb(), LIST_LIMIT)) ?? initialRecent;
  const recentShown = recent !== undefined;
  const due = useLiveQuery(
    () => (recentShown ? dueSnapshot(registerDb(), new Date(), DUE_LIMIT) : undefined),
    [recentShown],
  );
  const [query, setQuery] = useState(firstSearchBox?.value ?? '');
  const searchRef = useRef<HTMLInputElement>(null);
  // Right after the first commit, before any other input: what was typed since React started.
  // The first screen's box is outside React; reading it once here is the hand-over, not a loop.
  useLayoutEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (firstSearchBox) setQuery(firstSearchBox.value);
    if (focusSearch) searchRef.current?.focus();
  }, [firstSearchBox, focusSearch]);
  const searching = query.trim() !== '';
  // The whole register is read (in pages) only once a search starts, and searched as the
  // register page does: precomputed lower-case text per row, a longer query searching the last
  // results.
  const index = useWholeRegister(registerDb(), searching);
  const now = useMemo(() => new Date(), [index]); // eslint-disable-line react-hooks/exhaustive-deps
  const [search] = useState(narrowingFilter);
  const results = useMemo(
    () => (searching && index ? search(index, { query: query.trim() }, now) : undefined),
    [searching, index, search, query, now],
  );
  const [adding, setAdding] = useState(startAdding);
  const [added, setAdded] = useState<string | null>(null);
  const id = useId();

  const listed = searching ? results : recent;

  // On Ads Manager, which Business Center owns this ad account, if the register knows.
  const ownerBcId = useLiveQuery(async () => {
    if (!context?.advertiserId) return null;
    const accounts = await registerDb()
      .accounts.filter((a) => a.kind === 'adAccount' && a.externalId === context.advertiserId)
      .toArray();
    return accounts.find((a) => a.deletedAt === null)?.ownerBcId ?? null;
  }, [context?.advertiserId]);

  // On a Members page, say how my own row there can be recognised, until it can be.
  const onMembers = context?.kind === 'bc-members';
  const [identity, setIdentity] = useState<Awaited<ReturnType<typeof loadIdentityModule>>>();
  useEffect(() => {
    if (onMembers) void loadIdentityModule().then(setIdentity);
  }, [onMembers]);
  const knowsNoEmail = useLiveQuery(
    async () =>
      onMembers &&
      identity !== undefined &&
      (await identity.myEmails(registerDb(), await identity.loadIdentity())).size === 0,
    [onMembers, identity],
  );

  return (
    <main className="popup">
      <header className="popup-header">
        <Brand as="h1" />
      </header>
      <p className="card tab-context" data-testid="tab-context">
        {context === undefined
          ? t('popup_tabLooking')
          : context
            ? PAGE_KIND_LABELS[context.kind]
            : t('popup_tabNotTikTok')}
      </p>
      {context ? (
        <ManagedInBcHint kind={context.kind} orgId={context.orgId ?? ownerBcId ?? null} />
      ) : null}
      {context && tabId !== null ? <SavePageShape tabId={tabId} /> : null}
      {/* The picker's question, asked only while the tab shows the picker. */}
      {context?.kind === 'bc-picker' && picker.answered && (
        <PickerAnswered state={picker.answered} onOpen={() => openRegister()} />
      )}
      {context?.kind === 'bc-picker' && picker.centers.length > 0 && (
        <PickerQuestionCard centers={picker.centers} onAnswer={picker.answer} />
      )}
      {/* Asked only while the tab still shows that Business Center ("is this …" must be true). */}
      {held.question && context?.orgId === held.question.orgId ? (
        <HeldQuestionCard question={held.question} onAnswer={held.answer} />
      ) : held.answered ? (
        <HeldAnswered state={held.answered} onOpen={(grantId) => openRegister(grantId)} />
      ) : context?.kind === 'bc-members' && knowsNoEmail ? (
        <p className="muted small" data-testid="held-identity-tip">
          {t('held_identity_tip')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            {t('held_identity_tipAction')}
          </button>
        </p>
      ) : null}

      {recentShown && <ContradictedCard />}
      <section aria-labelledby={`${id}-due`}>
        <h2 id={`${id}-due`} className="section-title">
          {t('popup_dueTitle')}
        </h2>
        {due === undefined ? (
          <p className="muted">{t('register_opening')}</p>
        ) : due.due.length === 0 ? (
          <p className="muted" data-testid="due-empty">
            {t('popup_dueNone')}
          </p>
        ) : (
          <ul className="popup-list" data-testid="due-list">
            {due.due.map((item) => (
              <PopupRow key={item.view.grant.id} view={item.view} due={item} />
            ))}
          </ul>
        )}
        {due && due.dueCount > due.due.length && (
          <p className="muted small">{t('popup_dueMore', due.dueCount - due.due.length)}</p>
        )}
      </section>

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`} className="section-title">
          {searching ? t('popup_results') : t('popup_recent')}
        </h2>
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('search_label')}
        </label>
        <input
          ref={searchRef}
          id={`${id}-q`}
          type="search"
          className="popup-search"
          placeholder={t('search_placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {listed === undefined ? (
          <p className="muted">{t('register_opening')}</p>
        ) : listed.length === 0 ? (
          <p className="muted" data-testid="popup-empty">
            {searching ? t('empty_noMatch') : t('popup_empty')}
          </p>
        ) : (
          <ul className="popup-list" data-testid="popup-list">
            {listed.slice(0, LIST_LIMIT).map((v) => (
              <PopupRow key={v.grant.id} view={v} />
            ))}
          </ul>
        )}
        {results && results.length > LIST_LIMIT && (
          <p className="muted small">{t('popup_moreResults', results.length - LIST_LIMIT)}</p>
        )}
      </section>

      <section aria-labelledby={`${id}-add`}>
        <h2 id={`${id}-add`} className="section-title">
          {t('popup_quickAdd')}
        </h2>
        {added && (
          <p role="status" className="notice">
            {added}
          </p>
        )}
        {adding ? (
          <Suspense fallback={<p className="muted">{t('register_opening')}</p>}>
            <QuickAdd
              onCancel={() => setAdding(false)}
              onAdded={(notice) => {
                setAdded(notice);
                setAdding(false);
              }}
            />
          </Suspense>
        ) : (
          <button
            type="button"
            onClick={() => {
              setAdded(null);
              setAdding(true);
            }}
          >
            {t('action_add')}
          </button>
        )}
      </section>

      <nav className="actions" aria-label={t('popup_more')}>
        <button type="button" className="primary" onClick={() => openRegister()}>
          {t('popup_openRegister')}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_options')}
        </button>
      </nav>
    </main>
  );
}
