import { create } from 'zustand';
import type { GrantFilter, GroupBy, Perspective, SortKey } from '@/lib/register';

/** The register page's UI state (the register's truth is Dexie). */
export interface RegisterUiState {
  perspective: Perspective;
  filter: Omit<GrantFilter, 'perspective'>;
  sort: SortKey;
  direction: 'asc' | 'desc';
  groupBy: GroupBy;
  selectedId: string | null;
  adding: boolean;
  setPerspective: (p: Perspective) => void;
  setFilter: (patch: Partial<RegisterUiState['filter']>) => void;
  clearFilters: () => void;
  setSort: (sort: SortKey, direction: 'asc' | 'desc') => void;
  setGroupBy: (g: GroupBy) => void;
  select: (id: string | null) => void;
  setAdding: (adding: boolean) => void;
}

/** A fresh store for one register page; `#grant=<id>` in the URL opens that grant. */
export function createRegisterStore(selectedId: string | null = null) {
  return create<RegisterUiState>()((set) => ({
    perspective: 'mine',
    filter: {},
    sort: 'updated',
    direction: 'desc',
    groupBy: 'none',
    selectedId,
    adding: false,
    setPerspective: (perspective) => set({ perspective, selectedId: null }),
    setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
    clearFilters: () => set({ filter: {} }),
    setSort: (sort, direction) => set({ sort, direction }),
    setGroupBy: (groupBy) => set({ groupBy }),
    select: (selectedId) => set({ selectedId, adding: false }),
    setAdding: (adding) => set({ adding, selectedId: null }),
  }));
}

export type RegisterStore = ReturnType<typeof createRegisterStore>;
