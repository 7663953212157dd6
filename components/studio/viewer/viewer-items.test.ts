import { describe, expect, it } from "vitest";
import { generation } from "@/tests/support/generation-view";
import type { MediaView } from "@/lib/generations/view";
import { beforeOf, step, viewerIndexOf, viewerItems } from "./viewer-items";

function media(id: string, over: Partial<MediaView> = {}): MediaView {
  return { id, kind: "image", role: "output", mimeType: "image/png", width: 1024, height: 1024, bytes: 1, durationMs: null, url: `/api/media/${id}`, thumbUrl: `/api/media/${id}?variant=thumb`, downloadUrl: `/api/media/${id}?download=1`, ...over };
}

describe("viewerItems", () => {
  it("lists every finished output in list order and skips pending and failed generations", () => {
    const items = viewerItems([
      generation({ id: "a", outputs: [media("a1"), media("a2")] }),
      generation({ id: "b", status: "running", outputs: [] }),
      generation({ id: "c", status: "failed", outputs: [] }),
      generation({ id: "d", outputs: [media("d1")] }),
    ]);
    expect(items.map((i) => [i.output.id, i.index, i.count])).toEqual([
      ["a1", 0, 2],
      ["a2", 1, 2],
      ["d1", 0, 1],
    ]);
    expect(viewerIndexOf(items, "d1")).toBe(2);
    expect(viewerIndexOf(items, "missing")).toBe(0);
  });

  it("offers before/after only for an edited image with an image input", () => {
    const [edit] = viewerItems([generation({ kind: "edit", inputs: [media("in")], outputs: [media("out")] })]);
    const [image] = viewerItems([generation({ kind: "image", inputs: [], outputs: [media("out")] })]);
    const [video] = viewerItems([generation({ kind: "video", inputs: [media("start")], outputs: [media("v", { kind: "video", mimeType: "video/mp4" })] })]);
    expect(edit && beforeOf(edit)?.id).toBe("in");
    expect(image && beforeOf(image)).toBeUndefined();
    expect(video && beforeOf(video)).toBeUndefined();
  });

  it("steps within the list without wrapping", () => {
    expect(step(0, 3, -1)).toBeNull();
    expect(step(0, 3, 1)).toBe(1);
    expect(step(2, 3, 1)).toBeNull();
  });
});
