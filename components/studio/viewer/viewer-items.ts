import type { GenerationTileView, MediaView } from "@/lib/generations/view";

/** One picture or video the viewer can show: an output of a generation. */
export interface ViewerItem {
  generation: GenerationTileView;
  output: MediaView;
  /** Position among the generation's outputs (0-based) and how many it has. */
  index: number;
  count: number;
}

/** Every finished output of these generations, in list order: what ←/→ steps through. */
export function viewerItems(generations: readonly GenerationTileView[]): ViewerItem[] {
  return generations.flatMap((generation) =>
    generation.status === "completed" ? generation.outputs.map((output, index) => ({ generation, output, index, count: generation.outputs.length })) : [],
  );
}

/** Where output `mediaId` sits in the items (0 when it is not there). */
export function viewerIndexOf(items: readonly ViewerItem[], mediaId: string): number {
  return Math.max(0, items.findIndex((item) => item.output.id === mediaId));
}

/** The edit's first input, when this item can be compared before/after (an edited image). */
export function beforeOf(item: ViewerItem): MediaView | undefined {
  if (item.generation.kind !== "edit" || item.output.kind !== "image") return undefined;
  return item.generation.inputs.find((m) => m.kind === "image");
}

/** The step ←/→ takes, or null at either end (the list does not wrap). */
export function step(index: number, total: number, delta: -1 | 1): number | null {
  const next = index + delta;
  return next < 0 || next >= total ? null : next;
}
