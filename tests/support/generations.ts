import sharp from "sharp";
import { drainBackground } from "@/lib/generations/background";
import { pollDueTasks } from "@/lib/generations/tracker";
import { getGenerationById } from "@/lib/db/queries/generations";

/** A real PNG a user might upload. */
export async function pngFixture({ width = 320, height = 240, color = "#3366cc" } = {}): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer());
}

/**
 * Drives a generation to a terminal status the way the server does: background work
 * first (the sync call or the async submit), then tracker passes. `now` runs ahead of the
 * clock so every pending task is due at once; no test waits on timers.
 */
export async function settleGeneration(id: string, { maxPasses = 40 } = {}): Promise<NonNullable<Awaited<ReturnType<typeof getGenerationById>>>> {
  await drainBackground();
  for (let pass = 0; pass < maxPasses; pass++) {
    const gen = await getGenerationById({ id });
    if (!gen) throw new Error(`generation ${id} disappeared`);
    if (gen.status === "completed" || gen.status === "failed") return gen;
    await pollDueTasks({ now: new Date(Date.now() + 120_000) });
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`generation ${id} did not settle in ${maxPasses} tracker passes`);
}
