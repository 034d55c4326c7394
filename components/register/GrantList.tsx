import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import type { GrantView } from '@/lib/register';
import type { GroupBy } from '@/lib/register';
import { dueReasons, groupViews } from '@/lib/register';
import { describeRoles, formatDay } from '../shared/format';
import { accountLabel, dueReasonLabel, partyLabel, statusLabel } from '@/lib/register';

type Item =
  { kind: 'group'; key: string; label: string; count: number } | { kind: 'row'; view: GrantView };

const ROW_HEIGHT = 58;
const GROUP_HEIGHT = 40;

export interface GrantListProps {
  views: readonly GrantView[];
  groupBy: GroupBy;
  heldPerspective: boolean;
  selectedId: string | null;
  onOpen: (id: string) => void;
  now: Date;
}

/**
 * The register's rows, virtualized (only what is on screen is in the DOM, so 10,000 grants
 * scroll smoothly), as an ARIA table whose rows carry their index in the whole list. Rows are
 * keyed by their place in the list, not by grant: when a keystroke changes the results, React
 * rewrites the text of the rows already on screen instead of removing them and building new
 * ones, which keeps a search keystroke within a frame.
 */
export function GrantList({
  views,
  groupBy,
  heldPerspective,
  selectedId,
  onOpen,
  now,
}: GrantListProps) {
  const items = useMemo<Item[]>(() => {
    if (groupBy === 'none') return views.map((view) => ({ kind: 'row', view }));
    return groupViews(views, groupBy).flatMap((g) => [
      {
        kind: 'group',
        key: g.key,
        label: g.label || t('group_none'),
        count: g.views.length,
      } as Item,
      ...g.views.map((view) => ({ kind: 'row', view }) as Item),
    ]);
  }, [views, groupBy]);

  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // The rows start below the filters; the virtualizer needs that offset to map window scroll.
  // It is measured on mount and then only when the page's layout may have moved it (the list's
  // container resized, the window resized): a ResizeObserver reports after the browser's own
  // layout, so measuring there costs nothing, where measuring on every new result list (each
  // search keystroke) forced a layout of its own in the middle of React's commit.
  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setScrollMargin((prev) => (prev === top ? prev : top));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el.closest('[role="tabpanel"]') ?? el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: (i) => (items[i]?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    overscan: 4,
    scrollMargin,
  });

  return (
    <div
      role="table"
      className="grant-table"
      aria-label={t('list_label')}
      aria-rowcount={items.length + 1}
      data-testid="grant-table"
    >
      <div role="rowgroup">
        <div role="row" className="grant-row grant-head" aria-rowindex={1}>
          <span role="columnheader">{heldPerspective ? t('col_heldAs') : t('col_who')}</span>
          <span role="columnheader">{t('col_account')}</span>
          <span role="columnheader">{t('col_roles')}</span>
          <span role="columnheader">{t('col_status')}</span>
          <span role="columnheader">{t('col_since')}</span>
          <span role="columnheader">{t('col_nextReview')}</span>
        </div>
      </div>
      <div
        role="rowgroup"
        ref={bodyRef}
        className="grant-body"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((vi) => {
          const item = items[vi.index]!;
          // Rows are measured once rendered (badges may wrap), so heights need not be guessed.
          const style = {
            transform: `translateY(${vi.start - virtualizer.options.scrollMargin}px)`,
          };
          if (item.kind === 'group') {
            return (
              <div
                key={vi.key}
                ref={virtualizer.measureElement}
                data-index={vi.index}
                role="row"
                aria-rowindex={vi.index + 2}
                className="grant-group"
                style={style}
              >
                <span role="cell">
                  <strong>{item.label}</strong>{' '}
                  <span className="muted">{t('group_count', item.count)}</span>
                </span>
              </div>
            );
          }
          const v = item.view;
          const g = v.grant;
          const due = dueReasons(g, now);
          return (
            <div
              key={vi.key}
              ref={virtualizer.measureElement}
              data-index={vi.index}
              role="row"
              aria-rowindex={vi.index + 2}
              className="grant-row"
              data-grant-id={g.id}
              data-testid="grant-row"
              data-selected={selectedId === g.id ? true : undefined}
              style={style}
            >
              <span role="cell" className="cell-main">
                <button type="button" className="link-button" onClick={() => onOpen(g.id)}>
                  {partyLabel(v)}
                </button>
                <span className="muted ellipsis">{v.party?.email ?? v.party?.organisation}</span>
              </span>
              <span role="cell" className="cell-main">
                <span className="ellipsis">{accountLabel(v)}</span>
                <span className="muted ellipsis">{v.account?.externalId}</span>
              </span>
              <span role="cell">{describeRoles(g)}</span>
              <span role="cell" className="status-cell">
                <span className="badge" data-status={g.status}>
                  {statusLabel(g.status)}
                </span>
                {due.map((r) => (
                  <span key={r} className="badge due">
                    {dueReasonLabel(r)}
                  </span>
                ))}
              </span>
              <span role="cell">{formatDay(g.acceptedAt ?? g.invitedAt)}</span>
              <span role="cell">{formatDay(g.nextReviewOn)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
