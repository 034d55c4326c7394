import { useLiveQuery } from 'dexie-react-hooks';
import { defaultReviewCadence } from '@/lib/settings';
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { recordGrant } from '@/lib/register';
import type { Perspective } from '@/lib/register';
import { indexViews, narrowingFilter, perspectiveOf, recentViews, sortIndex } from '@/lib/register';
import { loadSampleRegister } from '@/lib/register';
import { Brand } from '../shared/Brand';
import { GrantDetail } from './GrantDetail';
import { GrantForm } from './GrantForm';
import { GrantList } from './GrantList';
import { ImportExport } from './ImportExport';
import { Filters } from './RegisterFilters';
import type { RegisterStore } from './store';
import { createRegisterStore } from './store';
import { useWholeRegister } from './use-whole-register';

const PERSPECTIVES: Perspective[] = ['mine', 'held'];
const perspectiveLabel = (p: Perspective) =>
  p === 'mine' ? t('perspective_mine') : t('perspective_held');
/**
 * How many of the latest changes are shown while the whole register loads (more than a tall
 * window holds): reading 10,000 grants with their accounts and people takes seconds, these a
 * few milliseconds.
 */
const FIRST_PAGE = 60;

function grantFromHash(): string | null {
  const match = /grant=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** The full-page register: both perspectives of who holds access to what. */
export function RegisterApp({ store: given }: { store?: RegisterStore }) {
  const [store] = useState(() => given ?? createRegisterStore(grantFromHash()));
  const s = useStore(store);
  // Until the whole register is read, the latest changes stand in for it (the default order):
  // rows, filters and tabs work on them, and the count says the register is still opening. The
  // whole register is read once they are on screen, so its reading does not delay them.
  const firstPage = useLiveQuery(() => recentViews(registerDb(), FIRST_PAGE));
  const firstRead = firstPage !== undefined;
  const whole = useWholeRegister(registerDb(), firstRead);
  const loading = whole === undefined;
  const firstIndex = useMemo(() => indexViews(firstPage ?? []), [firstPage]);
  const index = whole ?? firstIndex;
  const views = whole?.views ?? firstPage;
  const now = useMemo(() => new Date(), [index]); // eslint-disable-line react-hooks/exhaustive-deps
  // Sorted once per order, not per keystroke: filtering keeps the order it is given.
  const sorted = useMemo(() => sortIndex(index, s.sort, s.direction), [index, s.sort, s.direction]);
  const [filterNarrowing] = useState(narrowingFilter);
  // Not deferred: a keystroke's search (narrowing the last results) and the few rows on screen
  // fit in one frame even at 100,000 grants, and deferring would cost a frame of its own.
  const query = s.filter.query ?? '';
  const shown = useMemo(
    () => filterNarrowing(sorted, { ...s.filter, query, perspective: s.perspective }, now),
    [filterNarrowing, sorted, s.filter, query, s.perspective, now],
  );
  const counts = useMemo(() => {
    let held = 0;
    for (const v of index.views) if (perspectiveOf(v) === 'held') held++;
    return { mine: index.views.length - held, held };
  }, [index]);
  const tabRefs = useRef<Record<Perspective, HTMLButtonElement | null>>({ mine: null, held: null });

  useEffect(() => {
    const onHash = () => store.getState().select(grantFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store]);

  // Arrow keys move between tabs (WAI-ARIA Authoring Practices, "Tabs").
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next: Perspective = s.perspective === 'mine' ? 'held' : 'mine';
    s.setPerspective(next);
    tabRefs.current[next]?.focus();
    event.preventDefault();
  };

  const filtersActive = Object.values(s.filter).some(Boolean);

  return (
    <div className="register">
      <header className="register-header">
        <Brand />
        <div className="title-row">
          <h1>{t('register_title')}</h1>
          <div className="title-actions">
            <a href="#campaigns">{t('campaigns_nav')}</a>
            <button type="button" className="primary" onClick={() => s.setAdding(true)}>
              {t('action_add')}
            </button>
          </div>
        </div>
      </header>
      <main className={s.selectedId || s.adding ? 'register-body with-side' : 'register-body'}>
        <div className="register-main">
          {views === undefined ? (
            <p className="muted">{t('register_opening')}</p>
          ) : views.length === 0 ? (
            <EmptyRegister />
          ) : (
            <>
              <div role="tablist" aria-label={t('perspective_label')} className="tabs">
                {PERSPECTIVES.map((p) => (
                  <button
                    key={p}
                    ref={(el) => {
                      tabRefs.current[p] = el;
                    }}
                    type="button"
                    role="tab"
                    id={`tab-${p}`}
                    aria-selected={s.perspective === p}
                    aria-controls="register-panel"
                    tabIndex={s.perspective === p ? 0 : -1}
                    onClick={() => s.setPerspective(p)}
                    onKeyDown={onTabKey}
                  >
                    {perspectiveLabel(p)}
                    {!loading && (
                      <>
                        {' '}
                        <span className="count">{counts[p].toLocaleString()}</span>
                      </>
                    )}
                  </button>
                ))}
              </div>
              <section id="register-panel" role="tabpanel" aria-labelledby={`tab-${s.perspective}`}>
                <Filters store={store} views={index.views} />
                <p className="muted result-count" aria-live="polite" data-testid="result-count">
                  {loading ? t('register_opening') : t('list_count', shown.length.toLocaleString())}
                </p>
                {shown.length > 0 ? (
                  <GrantList
                    views={shown}
                    groupBy={s.groupBy}
                    heldPerspective={s.perspective === 'held'}
                    selectedId={s.selectedId}
                    onOpen={(id) => s.select(id)}
                    now={now}
                  />
                ) : loading ? null : filtersActive ? (
                  <div className="card empty">
                    <p>{t('empty_noMatch')}</p>
                    <button type="button" onClick={() => s.clearFilters()}>
                      {t('filter_clear')}
                    </button>
                  </div>
                ) : (
                  <div className="card empty" data-testid="perspective-empty">
                    <p>{s.perspective === 'held' ? t('empty_held') : t('empty_mine')}</p>
                  </div>
                )}
              </section>
            </>
          )}
          <ImportExport />
        </div>
        {(s.selectedId || s.adding) && (
          <div className="register-side">
            {s.adding ? (
              <AddPanel onDone={() => s.setAdding(false)} />
            ) : (
              s.selectedId && (
                <GrantDetail
                  key={s.selectedId}
                  grantId={s.selectedId}
                  onClose={() => {
                    s.select(null);
                    if (location.hash) history.replaceState(null, '', location.pathname);
                  }}
                />
              )
            )}
          </div>
        )}
      </main>
    </div>
  );
}

function AddPanel({ onDone }: { onDone: () => void }) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card detail" aria-labelledby={titleId} data-testid="add-panel">
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {t('action_add')}
      </h2>
      <GrantForm
        onSubmit={async (draft) => {
          await recordGrant(registerDb(), draft, {
            source: 'manual',
            now: new Date(),
            defaultCadenceDays: await defaultReviewCadence(),
          });
          onDone();
        }}
        onCancel={onDone}
      />
    </section>
  );
}

function EmptyRegister() {
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <div className="card empty" data-testid="register-empty">
      <h2>{t('empty_title')}</h2>
      <p>{t('empty_what')}</p>
      <p>{t('empty_roles')}</p>
      <p>{t('empty_how')}</p>
      <button
        type="button"
        disabled={loading}
        onClick={() => {
          setLoading(true);
          setFailure(null);
          loadSampleRegister(registerDb())
            .catch((error: unknown) =>
              setFailure(
                t('empty_sampleFailed', error instanceof Error ? error.message : String(error)),
              ),
            )
            .finally(() => setLoading(false));
        }}
      >
        {t('empty_loadSample')}
      </button>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </div>
  );
}
