"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useRef } from "react";
import { filtersFrom, withParams, type GalleryFilters } from "./gallery-filters";

export type FilterChanges = { [K in keyof GalleryFilters]?: string | null };

/**
 * The gallery's state that belongs in the URL: filters and the open item. Written with the
 * History API, which Next folds into useSearchParams without a server round trip, so typing
 * in the search box doesn't re-render the page on the server.
 *
 * State is passed as null on purpose: Next copies its own router state in and updates
 * useSearchParams; handing it the current state (which carries Next's marker) would make it
 * treat the call as its own and skip the update.
 *
 * Filters replace the current entry (Back should leave the gallery, not undo each filter);
 * opening an item pushes one, so Back (or a phone's back gesture) closes the detail view.
 */
export function useGalleryUrl() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => filtersFrom(searchParams), [searchParams]);
  const openId = searchParams.get("open") || undefined;
  // True while the open item's entry is one we pushed, so closing can go back over it.
  const pushedOpen = useRef(false);

  const setFilters = useCallback(
    (changes: FilterChanges) => {
      window.history.replaceState(null, "", withParams(window.location.search, pathname, changes));
    },
    [pathname],
  );

  const open = useCallback(
    (id: string) => {
      window.history.pushState(null, "", withParams(window.location.search, pathname, { open: id }));
      pushedOpen.current = true;
    },
    [pathname],
  );

  /** Another item in the open detail view: same history entry, so Back still closes it. */
  const show = useCallback(
    (id: string) => {
      window.history.replaceState(null, "", withParams(window.location.search, pathname, { open: id }));
    },
    [pathname],
  );

  const close = useCallback(() => {
    if (pushedOpen.current) {
      pushedOpen.current = false;
      window.history.back();
      return;
    }
    // Arrived with ?open= (a link from a result card, or a reload): drop it in place.
    window.history.replaceState(null, "", withParams(window.location.search, pathname, { open: null }));
  }, [pathname]);

  const clearFilters = useCallback(() => setFilters({ kind: null, status: null, model: null, q: null, favorite: null, collection: null }), [setFilters]);

  return { filters, openId, setFilters, clearFilters, open, show, close };
}
