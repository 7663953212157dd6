"use client";

import { useCallback, useState } from "react";
import type { SelectMode } from "../gallery-tile";
import { EMPTY_SELECTION, extend, selectAll, toggle, without, type Selection } from "./selection";

/**
 * The gallery's selection for the current filters: it starts over when they change ("select
 * all" means all of this view), and never holds an item whose delete is waiting.
 */
export function useGallerySelection(filterKey: string, order: readonly string[], hidden: ReadonlySet<string>) {
  const [state, setState] = useState<{ key: string; selection: Selection }>({ key: filterKey, selection: EMPTY_SELECTION });
  const current = state.key === filterKey ? without(state.selection, hidden) : EMPTY_SELECTION;

  const select = useCallback(
    (id: string, mode: SelectMode) =>
      setState((s) => {
        const base = s.key === filterKey ? s.selection : EMPTY_SELECTION;
        return { key: filterKey, selection: mode === "extend" ? extend(base, id, order) : toggle(base, id) };
      }),
    [filterKey, order],
  );
  const replace = useCallback((ids: string[]) => setState((s) => ({ key: filterKey, selection: selectAll(s.key === filterKey ? s.selection : EMPTY_SELECTION, ids) })), [filterKey]);
  const clear = useCallback(() => setState({ key: filterKey, selection: EMPTY_SELECTION }), [filterKey]);

  return { ids: current.ids, select, selectAll: replace, clear };
}
