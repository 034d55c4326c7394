import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, RefObject } from 'react';
import { useEffect } from 'react';
import type { CampaignItem } from '@/lib/campaigns';
import { t } from '@/lib/i18n';
import { describeRoles } from '../shared/format';
import type { CampaignData } from './use-campaign';
import { accountLabel, partyTitle } from '@/lib/register';
import { decisionSummary } from './labels';

const ROW_HEIGHT = 56;

/** The id of an item's row, for `aria-activedescendant`. */
export const itemRowId = (itemId: string) => `campaign-item-${itemId}`;

export interface ItemListProps {
  shown: readonly CampaignItem[];
  activeIndex: number;
  selected: ReadonlySet<string>;
  data: CampaignData;
  listRef: RefObject<HTMLDivElement | null>;
  labelledBy: string;
  onActivate: (itemId: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/**
 * The campaign's items as one listbox the keyboard stays in: the active item is the listbox's
 * active descendant (focus never moves row to row), selection for bulk decisions is each
 * option's `aria-selected`. Only the rows on screen are in the DOM, so ten thousand items
 * move and re-render as fast as ten; rows have one fixed height, so none is measured.
 */
export function ItemList({
  shown,
  activeIndex,
  selected,
  data,
  listRef,
  labelledBy,
  onActivate,
  onKeyDown,
}: ItemListProps) {
  // The virtualizer hands back functions React cannot memoise; this component needs none.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);
  const active = shown[activeIndex];

  return (
    <div
      ref={listRef}
      role="listbox"
      aria-multiselectable="true"
      aria-labelledby={labelledBy}
      aria-activedescendant={active ? itemRowId(active.id) : undefined}
      tabIndex={0}
      className="campaign-items"
      data-testid="campaign-items"
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((vi) => {
          const item = shown[vi.index]!;
          const flag = data.flags.get(item.grantId);
          const suggested = data.suggestions(item).length > 0;
          return (
            <div
              key={vi.key}
              id={itemRowId(item.id)}
              role="option"
              aria-selected={selected.has(item.id)}
              aria-posinset={vi.index + 1}
              aria-setsize={shown.length}
              className="campaign-item"
              data-testid="campaign-item"
              data-active={vi.index === activeIndex ? true : undefined}
              data-decision={item.decision?.kind ?? 'none'}
              style={{ transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT }}
              onClick={() => onActivate(item.id)}
            >
              <span className="select-mark" aria-hidden="true">
                {selected.has(item.id) ? '☑' : '☐'}
              </span>
              <span className="cell-main">
                <strong className="ellipsis">{partyTitle(item)}</strong>
                <span className="muted ellipsis">{accountLabel(item)}</span>
              </span>
              <span className="ellipsis">{describeRoles(item.grant)}</span>
              <span className="item-badges">
                <span className="decision" data-decision={item.decision?.kind ?? 'none'}>
                  {decisionSummary(item.decision)}
                </span>
                {flag && <span className="badge flag">{t('flag_badge')}</span>}
                {suggested && <span className="badge due">{t('suggestion_badge')}</span>}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
