/**
 * `npm run bench`: speed targets, measured (not asserted in tests, which must not time).
 *   1. Emulator: sync 1024² image generation latency at EMULATOR_TIME_SCALE=0 (target: p95 well under 100 ms).
 *   2. Emulator: 200 concurrent GET /v1/tasks/{id} polls (target: no errors).
 *   3. Studio: cost of the status reads browsers poll (GET /api/generations/[id] and the list),
 *      through the real route handlers on an in-memory PGlite.
 * Prints a table and exits non-zero if a target is missed.
 */
import { performance } from "node:perf_hooks";
import { startEmulator } from "../emulator/server";

interface Row {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function emulatorBench(rows: Row[]): Promise<void> {
  const emu = await startEmulator({ port: 0, host: "127.0.0.1", timeScale: 0, control: true });
  const auth = { authorization: "Bearer bench", "content-type": "application/json" };
  try {
    // Distinct prompts: the emulator caches rendered bytes per request, and we want renders.
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      const res = await fetch(`${emu.url}/v1/images/generations`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ model: "gpt-image-2", prompt: `bench prompt ${i}`, size: "1024x1024" }),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`generation failed: ${res.status}`);
      if (i >= 10) samples.push(performance.now() - t0); // first ones warm up sharp and the JIT
    }
    samples.sort((a, b) => a - b);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    rows.push({ name: "emulator sync 1024² (uncached) p50 / p95", value: `${p50.toFixed(1)} / ${p95.toFixed(1)} ms`, target: "p95 < 100 ms", ok: p95 < 100 });

    const submit = await fetch(`${emu.url}/v1/async/images/generations`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ model: "gpt-image-2", prompt: "poll target", size: "2048x2048" }),
    });
    const { id } = (await submit.json()) as { id: string };
    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => fetch(`${emu.url}/v1/tasks/${id}`, { headers: auth }).then(async (r) => ({ ok: r.ok, body: await r.text() }))),
    );
    const elapsed = performance.now() - t0;
    const errors = results.filter((r) => !r.ok).length;
    rows.push({ name: "emulator 200 concurrent task polls", value: `${errors} errors, ${elapsed.toFixed(0)} ms total`, target: "0 errors", ok: errors === 0 });
  } finally {
    await emu.close();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  await emulatorBench(rows);
  const { studioBench } = await import("./bench/studio-reads");
  await studioBench(rows);
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${"benchmark".padEnd(width)}  ${"result".padEnd(28)}  target`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.value.padEnd(28)}  ${r.target}  ${r.ok ? "ok" : "MISSED"}`);
  if (rows.some((r) => !r.ok)) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
