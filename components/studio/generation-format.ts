import type { GenerationTileView, GenerationView, MediaView } from "@/lib/generations/view";
import { parseSize } from "@/lib/catalog";

/**
 * Shapes for showing a generation anywhere: result cards, gallery tiles, the detail view.
 * Pure, so it can be unit-tested and shared. The words are in the catalogs: see
 * useGenerationText() (use-generation-text.ts).
 */
export function isPending(g: Pick<GenerationView, "status">): boolean {
  return g.status === "queued" || g.status === "running";
}

/** The output to show for a generation (its first), if it has one yet. */
export function coverOf(g: Pick<GenerationTileView, "outputs">): MediaView | undefined {
  return g.outputs[0];
}

/**
 * Width / height of what a generation shows. Finished ones use the real media; pending or
 * failed ones use the requested size, so a placeholder already has the final shape.
 */
export function aspectOf(g: Pick<GenerationTileView, "outputs" | "kind" | "params">): { width: number; height: number } {
  const cover = coverOf(g);
  if (cover && cover.width > 0 && cover.height > 0) return { width: cover.width, height: cover.height };
  const kind = g.kind === "video" ? "video" : "image";
  const size = parseSize(g.params.size, kind);
  return size && size.width > 0 && size.height > 0 ? size : { width: 1, height: 1 };
}

/** Video sizes as people read them; digits and ratios only, so the same in every language. */
export const VIDEO_SIZE_LABEL: Record<string, string> = {
  "16:9": "16:9 (1280 × 720)",
  "9:16": "9:16 (720 × 1280)",
  "1:1": "1:1 (720 × 720)",
  "1280x720": "1280 × 720 (16:9)",
  "720x1280": "720 × 1280 (9:16)",
};

/** Where Remix goes: the page that made this kind of generation. */
export function remixHref(g: Pick<GenerationView, "id" | "kind">): string {
  const page = g.kind === "video" ? "/video" : g.kind === "edit" ? "/edit" : "/generate";
  return `${page}?remix=${encodeURIComponent(g.id)}`;
}
