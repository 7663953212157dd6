import { describe, expect, it } from "vitest";
import type { GenerationTileRow } from "@/lib/db/queries/generation-reads";
import { parseStoredParams } from "@/lib/generations/params";
import { generationToTileView } from "@/lib/generations/to-view";

/**
 * A gallery tile checks its two params by hand (it runs for every tile of every page); it
 * must keep and drop exactly what the stored-params schema keeps and drops.
 */
function row(size: unknown, duration: unknown): GenerationTileRow {
  return {
    id: "g1",
    kind: "video",
    status: "completed",
    model: "veo",
    prompt: "p",
    size,
    duration,
    progress: 40,
    favorite: false,
    createdAt: new Date("2026-11-30T10:00:00.000Z"),
    media: [{ id: "m1", role: "output", kind: "video", mimeType: "video/mp4", width: 1280, height: 720, bytes: 10, durationMs: 4000 }],
  };
}

const VALUES: unknown[] = ["1024x1024", "", 8, 0, -2, 2.5, Number.POSITIVE_INFINITY, Number.NaN, null, undefined, true, ["8"], { w: 1 }, "8"];

describe("generationToTileView", () => {
  it("keeps a size and a duration exactly when the stored-params schema does", () => {
    for (const size of VALUES) {
      for (const duration of VALUES) {
        const expected = parseStoredParams({ size, duration });
        expect(generationToTileView(row(size, duration)).params, `size ${String(size)}, duration ${String(duration)}`).toEqual(expected);
      }
    }
  });

  it("shows a completed tile at 100 % with its output's links", () => {
    const tile = generationToTileView(row("1280x720", 8));
    expect(tile).toMatchObject({ progress: 100, params: { size: "1280x720", duration: 8 }, createdAt: "2026-11-30T10:00:00.000Z", inputs: [] });
    expect(tile.outputs).toEqual([
      expect.objectContaining({ id: "m1", url: "/api/media/m1", thumbUrl: "/api/media/m1?variant=thumb", downloadUrl: "/api/media/m1?download=1" }),
    ]);
  });
});
