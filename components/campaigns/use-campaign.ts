import Dexie from 'dexie';
import type { ObservabilitySet } from 'dexie';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  CampaignItem,
  CampaignViewData,
  ItemFlag,
  Suggestion,
  SuggestionContext,
} from '@/lib/campaigns';
import {
  currentGrantsOf,
  itemFlag,
  readCampaignView,
  readRestOfCampaign,
  suggestionsFor,
} from '@/lib/campaigns';
import { registerDb } from '@/lib/register';

/** A campaign as the view holds it, and what it derives once per change rather than per row. */
export interface CampaignData extends CampaignViewData {
  /** Each item's flag by grant id (snapshots never change, so only a grant change moves it). */
  flags: ReadonlyMap<string, ItemFlag>;
  /** The item's suggestions, worked out once per item version. */
  suggestions: (item: CampaignItem) => Suggestion[];
}

/**
 * The single keys a commit names in one table's part of Dexie's change set; none when it names
 * a range (a bulk write), which a reload of the campaign would serve instead.
 */
function changedKeys(part: ObservabilitySet[string] | undefined): string[] {
  // A part is a tree of key ranges ({ from, to, l, r }); from another tab it arrives as a plain
  // structured clone of that tree, without RangeSet's iterator, so the tree is walked here.
  interface Node {
    from?: unknown;
    to?: unknown;
    l?: Node | null;
    r?: Node | null;
  }
  const out: string[] = [];
  const visit = (node: Node | null | undefined): boolean => {
    if (!node || !('from' in node)) return true;
    if (!visit(node.l)) return false;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    out.push(node.from);
    return out.length <= 1000 && visit(node.r);
  };
  return visit(part as unknown as Node) ? out : [];
}

/** Each item's suggestions, worked out on first ask and kept for that version of the item. */
function suggestionsCache(ctx: SuggestionContext | null): (item: CampaignItem) => Suggestion[] {
  const cache = new WeakMap<CampaignItem, Suggestion[]>();
  return (item) => {
    if (!ctx) return [];
    let found = cache.get(item);
    if (!found) {
      found = suggestionsFor(item, ctx);
      cache.set(item, found);
    }
    return found;
  };
}

/**
 * How many items are read before the first paint: a screenful and then some, so the first
 * moves need nothing more. The rest is read once they are on screen.
 */
const FIRST_ITEMS = 60;

/**
 * Read a campaign once, then keep it: decisions made here replace their items in place (a
 * decision costs one item, not a re-read of ten thousand), and a grant changing anywhere in the
 * register re-reads the items' grants so that its item is flagged. A large campaign shows its
 * first items at once and the rest as soon as they are read.
 */
export function useCampaign(campaignId: string) {
  const [data, setData] = useState<CampaignViewData | null>();
  const [now] = useState(() => new Date());
  const reload = useCallback(async () => {
    setData(await readCampaignView(registerDb(), campaignId));
  }, [campaignId]);
  useEffect(() => {
    let open = true;
    const db = registerDb();
    void (async () => {
      const first = await readCampaignView(db, campaignId, FIRST_ITEMS);
      if (!open) return;
      setData(first);
      if (!first || first.complete) return;
      const rest = await readRestOfCampaign(db, campaignId, first.items);
      if (!open) return;
      setData((d) =>
        d && !d.complete
          ? {
              ...d,
              // The items shown so far keep any decision made on them meanwhile.
              items: [...d.items, ...rest.items],
              current: new Map([...d.current, ...rest.current]),
              adminsOutside: rest.adminsOutside,
              complete: true,
            }
          : d,
      );
    })();
    return () => {
      open = false;
    };
  }, [campaignId]);

  const itemsRef = useRef<CampaignItem[]>([]);
  const items = data?.items;
  useEffect(() => {
    itemsRef.current = items ?? [];
  }, [items]);
  useEffect(() => {
    const db = registerDb();
    const grants = `idb://${db.name}/grants/`;
    const items = `idb://${db.name}/campaignItems/`;
    const onCommit = (parts: ObservabilitySet) => {
      const keys = Object.keys(parts);
      // A decision written in another tab: read back only the items it names (Dexie tells
      // each commit's keys here, also across tabs), and keep whichever copy is newer.
      const changed = keys.includes(items) ? changedKeys(parts[items]) : [];
      if (changed.length > 0) {
        const mine = new Set(itemsRef.current.map((i) => i.id));
        const ids = changed.filter((id) => mine.has(id));
        if (ids.length > 0)
          void db.campaignItems.bulkGet(ids).then((rows) =>
            setData((d) => {
              if (!d) return d;
              const next = d.items.slice();
              for (const row of rows) {
                const at = row ? next[row.position] : undefined;
                if (row && at?.id === row.id && row.rev > at.rev) next[row.position] = row;
              }
              return { ...d, items: next };
            }),
          );
      }
      if (!keys.some((p) => p.startsWith(grants))) return;
      const read = itemsRef.current.length;
      void currentGrantsOf(db, itemsRef.current).then((current) =>
        setData((d) =>
          // Items read meanwhile brought their own grants: keep those.
          d
            ? {
                ...d,
                current: d.items.length > read ? new Map([...d.current, ...current]) : current,
              }
            : d,
        ),
      );
    };
    Dexie.on('storagemutated', onCommit);
    return () => Dexie.on('storagemutated').unsubscribe(onCommit);
  }, []);

  /** Put items just written back in their places. */
  const replaceItems = useCallback((written: readonly CampaignItem[]) => {
    setData((d) => {
      if (!d) return d;
      const items = d.items.slice();
      for (const item of written)
        if (items[item.position]?.id === item.id) items[item.position] = item;
      return { ...d, items };
    });
  }, []);

  const current = data?.current;
  const firstItems = data ? data.items : undefined;
  const itemCount = firstItems?.length;
  const flags = useMemo(() => {
    const out = new Map<string, ItemFlag>();
    if (!current || !firstItems) return out;
    for (const item of firstItems) {
      const flag = itemFlag(item, current.get(item.grantId));
      if (flag) out.set(item.grantId, flag);
    }
    return out;
    // Snapshots never change: the flags follow the current grants and the items read.
  }, [current, itemCount]); // eslint-disable-line react-hooks/exhaustive-deps

  const campaign = data?.campaign;
  const myOrganisations = data?.myOrganisations;
  const suggestions = useMemo(
    () => suggestionsCache(campaign && myOrganisations ? { campaign, myOrganisations, now } : null),
    [campaign, myOrganisations, now],
  );

  const view: CampaignData | null | undefined = data ? { ...data, flags, suggestions } : data;
  return {
    data: view,
    reload,
    replaceItems,
    setCampaign: (c: CampaignViewData['campaign']) =>
      setData((d) => (d ? { ...d, campaign: c } : d)),
  };
}
