import type { GenerationKind, GenerationStatus, GenerationTileView, GenerationView, MediaView } from "@/lib/generations/view";
import { formatCredits, formatDuration } from "@/lib/format";
import { parseSize } from "@/lib/catalog";

/**
 * Words and shapes for showing a generation anywhere: result cards, gallery tiles, the
 * detail view. Pure, so it can be unit-tested and shared.
 */
export const KIND_LABEL: Record<GenerationKind, string> = { image: "Image", edit: "Edit", video: "Video" };

export const STATUS_LABEL: Record<GenerationStatus, string> = {
  queued: "Queued",
  running: "Generating",
  completed: "Done",
  failed: "Failed",
};

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

export function sizeLabel(g: GenerationView): string | undefined {
  const size = g.params.size;
  if (!size) return undefined;
  if (g.kind === "video") return VIDEO_SIZE_LABEL[size] ?? size;
  return size === "auto" ? "Auto" : size.replace("x", " × ");
}

/** Every parameter worth showing, in reading order, as label/value pairs. */
export function parameterRows(g: GenerationView): { label: string; value: string }[] {
  const rows: { label: string; value: string | undefined }[] = [
    { label: "Type", value: g.kind === "video" ? (g.inputs.length ? "Video from an image" : "Video from text") : g.kind === "edit" ? "Image edit" : "Image" },
    { label: "Model", value: g.model },
    { label: "Size", value: sizeLabel(g) },
    { label: "Duration", value: g.params.duration !== undefined ? formatDuration(g.params.duration) : undefined },
    { label: "Quality", value: g.params.quality ? g.params.quality[0]?.toUpperCase() + g.params.quality.slice(1) : undefined },
    { label: "Images requested", value: g.kind !== "video" && g.params.n !== undefined ? String(g.params.n) : undefined },
    { label: "Input images", value: g.inputs.length ? String(g.inputs.length) : undefined },
    { label: "Made through", value: g.apiTokenName ? `the API (token “${g.apiTokenName}”)` : undefined },
  ];
  return rows.flatMap((r) => (r.value ? [{ label: r.label, value: r.value }] : []));
}

/** Where Remix goes: the page that made this kind of generation. */
export function remixHref(g: Pick<GenerationView, "id" | "kind">): string {
  const page = g.kind === "video" ? "/video" : g.kind === "edit" ? "/edit" : "/generate";
  return `${page}?remix=${encodeURIComponent(g.id)}`;
}

/** A short name for a generation in buttons and dialogs ("this video", "these 3 images"). */
export function thingName(g: Pick<GenerationTileView, "kind" | "outputs">): string {
  if (g.kind === "video") return "this video";
  return g.outputs.length > 1 ? `these ${g.outputs.length} images` : "this image";
}

/** One line under a result's prompt: model, size or length, and what it started from. */
export function detailsLine(g: GenerationView): string {
  const parts = [g.model, g.params.duration ? formatDuration(g.params.duration) : null, g.params.size];
  if (g.kind === "video") {
    if (g.inputs.length) parts.push("from an image");
  } else {
    if (g.params.quality && g.params.quality !== "auto") parts.push(`${g.params.quality} quality`);
    if (g.params.n && g.params.n > 1) parts.push(`${g.params.n} images`);
    if (g.inputs.length) parts.push(`${g.inputs.length} reference ${g.inputs.length === 1 ? "image" : "images"}`);
  }
  return parts.filter(Boolean).join(" · ");
}

/** What a generation costs, as far as it is known. */
export function creditsLine(g: GenerationView): string {
  if (g.status === "completed") return `Used ${formatCredits(g.credits.cost ?? g.credits.estimated)}`;
  if (g.status === "failed") return "Not charged";
  return `Estimated ${formatCredits(g.credits.estimated)}`;
}
