import { create } from 'zustand';
import type { CampaignDecisionKind, ItemFilter, LoweredRoles } from '@/lib/campaigns';

/** A decision being written on the active item (a reason or a name still to give). */
export interface PendingDecision {
  itemId: string;
  kind: CampaignDecisionKind;
  lowerTo: LoweredRoles | null;
  handTo: string;
  reason: string;
}

/** A decision for every selected item, waiting for its confirmation. */
export interface BulkDraft {
  kind: CampaignDecisionKind;
  itemIds: string[];
}

/** The campaign view's UI state (the campaign's truth is the register database). */
export interface CampaignUiState {
  activeId: string | null;
  filter: ItemFilter;
  selected: ReadonlySet<string>;
  pending: PendingDecision | null;
  bulk: BulkDraft | null;
  setActive: (id: string | null) => void;
  setFilter: (filter: ItemFilter) => void;
  toggleSelected: (id: string) => void;
  addSelected: (ids: readonly string[]) => void;
  clearSelection: () => void;
  setPending: (pending: PendingDecision | null) => void;
  setBulk: (bulk: BulkDraft | null) => void;
}

/** A fresh store for one campaign view. */
export function createCampaignStore() {
  return create<CampaignUiState>()((set) => ({
    activeId: null,
    filter: 'all',
    selected: new Set(),
    pending: null,
    bulk: null,
    setActive: (activeId) =>
      set((s) => ({ activeId, pending: s.pending?.itemId === activeId ? s.pending : null })),
    setFilter: (filter) => set({ filter }),
    toggleSelected: (id) =>
      set((s) => {
        const selected = new Set(s.selected);
        if (selected.has(id)) selected.delete(id);
        else selected.add(id);
        return { selected };
      }),
    addSelected: (ids) => set((s) => ({ selected: new Set([...s.selected, ...ids]) })),
    clearSelection: () => set({ selected: new Set() }),
    setPending: (pending) => set({ pending }),
    setBulk: (bulk) => set({ bulk }),
  }));
}

export type CampaignStore = ReturnType<typeof createCampaignStore>;
