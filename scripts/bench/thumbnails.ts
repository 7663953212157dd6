/**
 * Target 5b: what a gallery tile downloads. Real images are generated through the studio
 * (the emulator draws them; the studio stores them and makes the thumbnails), then every
 * thumbnail is fetched the way a tile does; the baseline is the full image.
 */
import { percentile } from "../load/driver";
import type { StudioUnderTest } from "./context";
import { kb, type Row } from "./table";

const TARGET_BYTES = 40 * 1024;
const SIZES = ["1024x1024", "1536x1024", "1024x1536", "2048x2048"];

interface Item {
  id: string;
  status: string;
  outputs: { url: string; thumbUrl: string }[];
}

export async function measureThumbnails(t: StudioUnderTest): Promise<Row[]> {
  const cookie = t.cookies[1] as string;
  const ids: string[] = [];
  for (let i = 0; i < t.size.thumbnails; i++) {
    const res = await t.api.request("POST", "/api/generations", {
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ kind: "image", model: "gpt-image-2", prompt: `a detailed city street at night, neon signs and rain, study ${i}`, size: SIZES[i % SIZES.length] }),
    });
    if (res.status !== 202) throw new Error(`thumbnail source submit answered ${res.status}: ${res.body.toString()}`);
    ids.push((JSON.parse(res.body.toString()) as { generation: { id: string } }).generation.id);
  }
  const deadline = Date.now() + 180_000;
  const done: Item[] = [];
  for (const id of ids) {
    for (;;) {
      const item = (JSON.parse((await t.api.request("GET", `/api/generations/${id}`, { headers: { cookie } })).body.toString()) as { generation: Item }).generation;
      if (item.status === "completed") {
        done.push(item);
        break;
      }
      if (item.status === "failed" || Date.now() > deadline) throw new Error(`thumbnail source ${id} ended ${item.status}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const thumbs: number[] = [];
  const fulls: number[] = [];
  for (const item of done) {
    for (const out of item.outputs) {
      const [thumb, full] = [await t.api.request("GET", out.thumbUrl, { headers: { cookie } }), await t.api.request("GET", out.url, { headers: { cookie } })];
      if (thumb.status !== 200 || full.status !== 200) throw new Error(`media of ${item.id} answered ${thumb.status} / ${full.status}`);
      thumbs.push(thumb.body.length);
      fulls.push(full.body.length);
    }
  }
  thumbs.sort((a, b) => a - b);
  fulls.sort((a, b) => a - b);
  const p95 = percentile(thumbs, 95);
  return [
    {
      on: t.on,
      what: `thumbnail bytes, ${thumbs.length} generated images (1K-2K)`,
      figure: `p95 ${kb(p95)}`,
      baseline: `full image p95 ${kb(percentile(fulls, 95))}`,
      ratio: p95 / percentile(fulls, 95),
      target: `p95 ≤ ${kb(TARGET_BYTES)}`,
      ok: thumbs.length > 0 && p95 <= TARGET_BYTES,
    },
  ];
}
