// Over 350 lines, one job: the review page's state and keyboard, around the item list, panel and
// bulk bar that live in their own files.
import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type {
  CampaignDecisionKind,
  CampaignItem,
  DecisionInput,
  ItemDecisionInput,
  ItemFilter,
} from '@/lib/campaigns';
import {
  CampaignConflictError,
  DecisionRefusedError,
  adminWarnings,
  campaignProgress,
  decideItem,
  decideItems,
  decisionInput,
  decisionProblems,
  defaultLowering,
  suggestedDecision,
  updateCampaign,
} from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { registerDb } from '@/lib/register';
import { formatDay } from '../shared/format';
import { BulkConfirm } from './BulkConfirm';
import { UndecidedField } from './fields';
import { CarryOut } from './CarryOut';
import { ReportActions } from './CampaignReport';
import { ItemList } from './ItemList';
import { DECISION_KEYS, ItemPanel } from './ItemPanel';
import { partyTitle } from '@/lib/register';
import { decisionKindLabel, scopeDescription, suggestionText } from './labels';
import type { PendingDecision } from './store';
import { createCampaignStore } from './store';
import type { CampaignData } from './use-campaign';
import { useCampaign } from './use-campaign';

const FILTERS: ItemFilter[] = ['all', 'undecided', 'flagged', 'suggested'];
const FILTER_KEYS = {
  all: 'campaign_filter_all',
  undecided: 'campaign_filter_undecided',
  flagged: 'campaign_filter_flagged',
  suggested: 'campaign_filter_suggested',
} as const;
const KEY_TO_KIND: Record<string, CampaignDecisionKind> = Object.fromEntries(
  Object.entries(DECISION_KEYS).map(([kind, key]) => [key.toLowerCase(), kind]),
) as Record<string, CampaignDecisionKind>;
const PAGE = 10;

function matches(filter: ItemFilter, item: CampaignItem, data: CampaignData): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'undecided':
      return item.decision === null;
    case 'flagged':
      return data.flags.has(item.grantId);
    case 'suggested':
      return data.suggestions(item).length > 0;
  }
}

/** The pending decision a key or button starts on one item, with its usual roles for a lower. */
function draftFor(item: CampaignItem, kind: CampaignDecisionKind, reason = ''): PendingDecision {
  return {
    itemId: item.id,
    kind,
    lowerTo: kind === 'lower' ? defaultLowering(item.grant) : null,
    handTo: '',
    reason,
  };
}

const inputOf = (p: PendingDecision): DecisionInput => ({
  kind: p.kind,
  lowerTo: p.kind === 'lower' ? p.lowerTo : null,
  handTo: p.kind === 'handOff' ? p.handTo : null,
  reason: p.reason,
});

/** One campaign: its progress, filters, the items and the active item's decision. */
export function CampaignView({ campaignId }: { campaignId: string }) {
  const { data, reload, replaceItems, setCampaign } = useCampaign(campaignId);
  const [store] = useState(createCampaignStore);
  const s = useStore(store);
  const [message, setMessage] = useState('');
  const [bulkRefused, setBulkRefused] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const shown = useMemo(
    () => (data ? data.items.filter((item) => matches(s.filter, item, data)) : []),
    // `data` changes identity with each render of the hook; what the list shows follows these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data?.items, data?.flags, data?.suggestions, s.filter],
  );
  const activeIndex = useMemo(() => {
    const at = s.activeId ? shown.findIndex((i) => i.id === s.activeId) : -1;
    return at >= 0 ? at : shown.length > 0 ? 0 : -1;
  }, [shown, s.activeId]);
  const active = shown[activeIndex];
  const progress = useMemo(() => campaignProgress(data?.items ?? []), [data?.items]);
  // Until every item is read, the Admins outside the campaign are not counted yet.
  const complete = data?.complete ?? false;
  const allItems = data?.items;
  const adminsOutside = data?.adminsOutside;
  const warnings = useMemo(
    () => (complete && allItems && adminsOutside ? adminWarnings(allItems, adminsOutside) : []),
    [complete, allItems, adminsOutside],
  );

  // The last decision ends the campaign's reminder: tell the background to count again (it
  // does not follow every item's write, which would slow the next decision).
  const allDecided = !!data?.complete && progress.total > 0 && progress.decided === progress.total;
  useEffect(() => {
    if (allDecided) void sendMessage('page:remindersChanged', {}).catch(() => undefined);
  }, [allDecided]);

  // Focus returns to the list once the bulk dialog is gone: while a modal dialog is open,
  // everything outside it is inert and cannot take focus.
  const bulkOpen = s.bulk !== null;
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !bulkOpen) listRef.current?.focus();
    wasOpen.current = bulkOpen;
  }, [bulkOpen]);

  // Writes go one after another, each with the revision the one before it left.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(new Map<string, CampaignItem>());
  const itemNow = (item: CampaignItem) => latest.current.get(item.id) ?? item;
  const remember = (written: readonly CampaignItem[]) => {
    for (const i of written) latest.current.set(i.id, i);
    replaceItems(written);
  };
  const explain = useCallback(
    async (error: unknown) => {
      if (error instanceof CampaignConflictError) {
        latest.current.clear();
        await reload();
        setMessage(t('decide_conflict'));
      } else setMessage(t('decide_failed', error instanceof Error ? error.message : String(error)));
    },
    [reload],
  );

  /**
   * Save one decision. The list moves on and takes focus at once, before the write lands, so
   * keys pressed during a slow write act on the list rather than on a form about to close; a
   * write that fails brings the form back with what was typed.
   */
  const save = (
    item: CampaignItem,
    input: DecisionInput,
    advanceTo: string | null,
    draft: PendingDecision | null = null,
  ) => {
    const state = store.getState();
    if (state.pending?.itemId === item.id) state.setPending(null);
    if (advanceTo) state.setActive(advanceTo);
    listRef.current?.focus();
    queue.current = queue.current.then(async () => {
      try {
        const written = await decideItem(
          registerDb(),
          item.id,
          itemNow(item).rev,
          input,
          new Date(),
        );
        remember([written]);
        setMessage(t('decide_saved', partyTitle(written), decisionKindLabel(input.kind)));
      } catch (error) {
        await explain(error);
        if (draft && store.getState().pending === null) {
          store.getState().setActive(item.id);
          store.getState().setPending(draft);
        }
      }
    });
  };

  /** K, L, R or N on the active item: saved at once when nothing is missing, else asked for. */
  const begin = (kind: CampaignDecisionKind, reason = '') => {
    if (!active) return;
    if (s.selected.size > 0) {
      setBulkRefused(0);
      s.setBulk({ kind, itemIds: [...s.selected] });
      return;
    }
    const draft = draftFor(active, kind, reason);
    const problems = decisionProblems(active.grant, decisionInput.parse(inputOf(draft)));
    if (problems.length === 0 && reason === '') {
      save(active, inputOf(draft), shown[activeIndex + 1]?.id ?? null);
    } else {
      s.setPending(draft);
    }
  };

  /** S: the first suggestion that proposes a decision, with its reason, to confirm with Enter. */
  const takeSuggestion = () => {
    if (!active || !data) return;
    const suggestions = data.suggestions(active);
    const decision = suggestedDecision(suggestions);
    if (!decision) return;
    const why = suggestions.find((x) => x.decision === decision);
    const draft = draftFor(active, decision.kind, why ? suggestionText(why) : '');
    if (decision.kind === 'lower') draft.lowerTo = decision.lowerTo;
    s.setPending(draft);
  };

  const move = (to: number) => {
    const target = shown[Math.max(0, Math.min(shown.length - 1, to))];
    if (target) s.setActive(target.id);
  };

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    let handled = true;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      const to = activeIndex + (key === 'ArrowDown' ? 1 : -1);
      if (event.shiftKey && active) {
        const next = shown[to];
        s.addSelected(next ? [active.id, next.id] : [active.id]);
      }
      move(to);
    } else if (key === 'Home') move(0);
    else if (key === 'End') move(shown.length - 1);
    else if (key === 'PageDown') move(activeIndex + PAGE);
    else if (key === 'PageUp') move(activeIndex - PAGE);
    else if (key === ' ' && active) s.toggleSelected(active.id);
    else if (key === 'Escape') s.clearSelection();
    else if (key.toLowerCase() === 'a' && !event.shiftKey) s.addSelected(shown.map((i) => i.id));
    else if (key.toLowerCase() === 's') takeSuggestion();
    else if (KEY_TO_KIND[key.toLowerCase()]) begin(KEY_TO_KIND[key.toLowerCase()]!);
    else handled = false;
    if (handled) event.preventDefault();
  };

  const confirmBulk = (reason: string, handTo: string) => {
    const draft = s.bulk;
    if (!draft || !data) return;
    const byId = new Map(data.items.map((i) => [i.id, i]));
    const decisions: ItemDecisionInput[] = draft.itemIds.flatMap((itemId) => {
      const item = byId.get(itemId);
      if (!item) return [];
      return [{ itemId, input: inputOf({ ...draftFor(item, draft.kind, reason), handTo }) }];
    });
    queue.current = queue.current.then(async () => {
      try {
        const written = await decideItems(registerDb(), campaignId, decisions, new Date());
        remember(written);
        s.setBulk(null);
        s.clearSelection();
        setMessage(
          t('decide_saved', t('bulk_selected', written.length), decisionKindLabel(draft.kind)),
        );
      } catch (error) {
        if (error instanceof DecisionRefusedError) setBulkRefused(error.problems.size);
        else {
          s.setBulk(null);
          await explain(error);
        }
      }
    });
  };

  if (data === undefined) return <p className="muted">{t('campaign_opening')}</p>;
  if (data === null) return <p className="card empty">{t('campaign_notFound')}</p>;
  const c = data.campaign;
  const bulkItems = s.bulk ? data.items.filter((i) => s.bulk!.itemIds.includes(i.id)) : [];

  return (
    <div className="campaign-view">
      <div className="title-row">
        <h1>
          {t(
            c.kind === 'offboarding' ? 'campaign_headingOffboarding' : 'campaign_heading',
            scopeDescription(c),
          )}
        </h1>
      </div>
      <p className="muted">
        {t('campaign_meta', c.reviewer, formatDay(c.startedAt), formatDay(c.dueOn))}
      </p>
      <ReportActions campaign={c} />
      <div className="campaign-bar">
        <div className="progress campaign-progress">
          <label htmlFor={`${id}-progress`}>{t('campaign_progressLabel')}</label>
          {data.complete ? (
            <progress id={`${id}-progress`} max={progress.total} value={progress.decided} />
          ) : (
            <progress id={`${id}-progress`} />
          )}
          <span aria-live="polite" data-testid="campaign-progress" data-complete={data.complete}>
            {data.complete
              ? t(
                  'campaign_progress',
                  progress.decided.toLocaleString(),
                  progress.total.toLocaleString(),
                )
              : t(
                  'campaign_reading',
                  data.items.length.toLocaleString(),
                  c.itemCount.toLocaleString(),
                )}
          </span>
        </div>
        <fieldset className="campaign-filters">
          <legend>{t('campaign_filter_label')}</legend>
          {FILTERS.map((f) => (
            <label key={f} className="radio">
              <input
                type="radio"
                name={`${id}-filter`}
                value={f}
                checked={s.filter === f}
                onChange={() => s.setFilter(f)}
              />
              {t(FILTER_KEYS[f])}
            </label>
          ))}
        </fieldset>
        <UndecidedField
          id={`${id}-undecided`}
          value={c.undecidedAtDue}
          onChange={(value) => {
            void updateCampaign(registerDb(), c.id, c.rev, { undecidedAtDue: value }, new Date())
              .then(setCampaign)
              .catch(explain);
          }}
        />
      </div>
      {data.complete && <CarryOut campaign={c} items={data.items} replaceItems={replaceItems} />}
      {warnings.map((w) => (
        <p key={w.bcId} className="notice" role="alert" data-testid="admin-warning">
          {t('campaign_adminWarning', w.bcName || w.bcId, w.after)}
        </p>
      ))}
      <details className="keys-help" open>
        <summary>{t('campaign_keysTitle')}</summary>
        <ul>
          {(
            [
              'keys_move',
              'keys_keep',
              'keys_lower',
              'keys_revoke',
              'keys_handOff',
              'keys_suggestion',
              'keys_select',
              'keys_bulk',
            ] as const
          ).map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </details>
      <div className="register-body with-side">
        <div className="register-main">
          <div className="list-head">
            <h2 id={`${id}-items`}>{t('campaign_itemsLabel')}</h2>
            <span className="muted">{t('campaign_shownCount', shown.length.toLocaleString())}</span>
            {s.selected.size > 0 && (
              <>
                <span data-testid="selection-count">
                  {t('bulk_selected', s.selected.size.toLocaleString())}
                </span>
                <button type="button" onClick={() => s.clearSelection()}>
                  {t('bulk_clear')}
                </button>
              </>
            )}
            <button type="button" onClick={() => s.addSelected(shown.map((i) => i.id))}>
              {t('bulk_selectAll')}
            </button>
          </div>
          {shown.length === 0 ? (
            <p className="card empty">{t('campaign_noneShown')}</p>
          ) : (
            <ItemList
              shown={shown}
              activeIndex={activeIndex}
              selected={s.selected}
              data={data}
              listRef={listRef}
              labelledBy={`${id}-items`}
              onActivate={(itemId) => {
                s.setActive(itemId);
                listRef.current?.focus();
              }}
              onKeyDown={onListKey}
            />
          )}
          <p role="status" className="muted" data-testid="campaign-message">
            {message}
          </p>
        </div>
        <div className="register-side">
          <ItemPanel
            item={active}
            data={data}
            pending={s.pending}
            onBegin={(kind) => begin(kind)}
            onChange={(p) => s.setPending(p)}
            onSave={(p) => {
              const item = data.items.find((i) => i.id === p.itemId);
              if (item) save(item, inputOf(p), shown[activeIndex + 1]?.id ?? null, p);
            }}
            onCancel={() => {
              s.setPending(null);
              listRef.current?.focus();
            }}
          />
        </div>
      </div>
      {s.bulk && (
        <BulkConfirm
          draft={s.bulk}
          items={bulkItems}
          refused={bulkRefused}
          onConfirm={confirmBulk}
          onCancel={() => s.setBulk(null)}
        />
      )}
    </div>
  );
}
