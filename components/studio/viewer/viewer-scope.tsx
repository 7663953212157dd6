"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import type { GenerationTileView } from "@/lib/generations/view";
import { MediaViewer } from "./media-viewer";
import { viewerIndexOf, viewerItems, type ViewerItem } from "./viewer-items";

type OpenViewer = (mediaId: string, fallback?: GenerationTileView) => void;

const ViewerContext = createContext<OpenViewer | null>(null);

/**
 * Makes a list of generations (the gallery's, a page's results) viewable: anything inside
 * may call `useOpenViewer()(mediaId)` and the viewer opens on that output, with ←/→ over
 * every finished output of the list as it is at that moment. `fallback` is the generation
 * to show alone when the output is not in the list (say, an item opened by its URL).
 */
export function ViewerScope({ generations, children }: { generations: () => readonly GenerationTileView[]; children: ReactNode }) {
  const [state, setState] = useState<{ items: ViewerItem[]; index: number } | null>(null);
  const open = useCallback<OpenViewer>(
    (mediaId, fallback) => {
      let items = viewerItems(generations());
      if (!items.some((item) => item.output.id === mediaId) && fallback) items = viewerItems([fallback]);
      if (items.length > 0) setState({ items, index: viewerIndexOf(items, mediaId) });
    },
    [generations],
  );
  return (
    <ViewerContext.Provider value={open}>
      {children}
      {state ? <MediaViewer items={state.items} index={state.index} onIndexChange={(index) => setState({ ...state, index })} onClose={() => setState(null)} /> : null}
    </ViewerContext.Provider>
  );
}

/** Opens the viewer of the nearest ViewerScope; null outside one. */
export function useOpenViewer(): OpenViewer | null {
  return useContext(ViewerContext);
}
