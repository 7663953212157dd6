/**
 * Target 3: the gallery on a big table, one request at a time (the latency a person waits
 * for, not a throughput): first page, a deep cursor page, a prompt search that hits and one
 * that matches nothing, a model filter. Each beside the liveness route asked the same way.
 */
import { percentile, runUsers, type Latencies } from "../load/driver";
import type { StudioUnderTest } from "./context";
import { SEED_HIT_WORD, SEED_MISS_WORD, SEED_MODELS } from "./seed-gallery";
import { ms, type Row } from "./table";

const TARGET_P95_MS = 20;

export async function measureGallery(t: StudioUnderTest): Promise<Row[]> {
  const one = async (path: string, headers: Record<string, string> = {}): Promise<Latencies> =>
    runUsers({ users: [0], rounds: t.size.galleryRequests, warmup: 5, step: async () => (await t.api.request("GET", path, { headers })).status });
  const live = await one("/api/health/live");
  const floor = `liveness p95 ${ms(percentile(live.samples, 95))} ms`;
  const cases: [string, string][] = [
    ["first page", ""],
    ["deep cursor page (90 % down)", `&cursor=${encodeURIComponent(t.deepCursor)}`],
    [`search hit "${SEED_HIT_WORD}"`, `&q=${SEED_HIT_WORD}`],
    [`search miss "${SEED_MISS_WORD}"`, `&q=${SEED_MISS_WORD}`],
    [`model filter ${SEED_MODELS[2]}`, `&model=${SEED_MODELS[2]}`],
  ];
  const rows: Row[] = [];
  const owned = Math.floor(t.size.galleryRows / t.size.galleryOwnerEvery);
  for (const [name, query] of cases) {
    const l = await one(`/api/generations?limit=24${query}`, { cookie: t.galleryCookie });
    const p95 = percentile(l.samples, 95);
    const ok = Object.keys(l.statuses).every((s) => s === "200");
    rows.push({
      on: t.on,
      what: `gallery ${name} (${owned.toLocaleString("en")} of ${t.size.galleryRows.toLocaleString("en")} rows)`,
      figure: `p50 ${ms(percentile(l.samples, 50))} ms, p95 ${ms(p95)} ms${ok ? "" : ` (HTTP ${Object.keys(l.statuses).join(",")})`}`,
      baseline: floor,
      ratio: p95 / percentile(live.samples, 95),
      target: `p95 ≤ ${TARGET_P95_MS} ms`,
      ok: ok && p95 <= TARGET_P95_MS,
    });
  }
  return rows;
}
