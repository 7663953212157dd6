/**
 * The gallery's multi-select, as pure functions over an immutable state: a click with
 * Ctrl/⌘ (or the tile's checkbox, or Space) toggles one item and moves the anchor there;
 * a click with Shift (or Shift+Space) adds every item between the anchor and this one, in
 * grid order, the way file managers do.
 */
export interface Selection {
  ids: ReadonlySet<string>;
  /** Where the next Shift-range starts: the last item toggled. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function toggle(s: Selection, id: string): Selection {
  const ids = new Set(s.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** Adds the items from the anchor to `id` (either direction). Without an anchor, toggles `id`. */
export function extend(s: Selection, id: string, order: readonly string[]): Selection {
  const from = s.anchor === null ? -1 : order.indexOf(s.anchor);
  const to = order.indexOf(id);
  if (from < 0 || to < 0) return toggle(s, id);
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return { ids: new Set([...s.ids, ...order.slice(lo, hi + 1)]), anchor: s.anchor };
}

/** Replaces the selection (select all matching); the anchor is kept if still selected. */
export function selectAll(s: Selection, ids: readonly string[]): Selection {
  const next = new Set(ids);
  return { ids: next, anchor: s.anchor !== null && next.has(s.anchor) ? s.anchor : null };
}

/** Drops ids that are gone (deleted, or hidden while their delete waits). */
export function without(s: Selection, gone: ReadonlySet<string>): Selection {
  if (![...s.ids].some((id) => gone.has(id))) return s;
  return { ids: new Set([...s.ids].filter((id) => !gone.has(id))), anchor: s.anchor !== null && gone.has(s.anchor) ? null : s.anchor };
}
