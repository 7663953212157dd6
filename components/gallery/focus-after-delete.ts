/**
 * Where keyboard focus goes in the gallery when the item it was on goes away: after a delete
 * (from the detail view or the bulk bar), to the next tile still there, else the previous
 * one, else the empty state's heading; and after the detail view closes over a tile that is
 * no longer the one that opened it.
 */

/** The next item after the first deleted one that is still in the grid, else the nearest one before it. */
export function neighbourOf(order: readonly string[], deleted: ReadonlySet<string>): string | null {
  const first = order.findIndex((id) => deleted.has(id));
  if (first < 0) return null;
  const after = order.slice(first + 1).find((id) => !deleted.has(id));
  return after ?? order.slice(0, first).findLast((id) => !deleted.has(id)) ?? null;
}

/** The tile of `id` in the grid, else (there is none) the empty state's heading, else the main region. */
export function galleryFocusTarget(id: string | null): HTMLElement | null {
  const grid = document.querySelector<HTMLElement>("[data-gallery-grid]");
  const tile = id ? grid?.querySelector<HTMLElement>(`[data-tile-id="${CSS.escape(id)}"]`) : null;
  return tile ?? document.querySelector<HTMLElement>("#gallery-empty-title, #gallery-none-title") ?? document.querySelector<HTMLElement>("main#main");
}

/** True when `el` is a tile of the grid (not the empty state's heading or the page). */
export function isTile(el: HTMLElement | null): el is HTMLElement {
  return el?.hasAttribute("data-tile-id") ?? false;
}
