import "server-only";
import {
  failGeneration,
  getGenerationById,
  markGenerationStarted,
  recordUpstreamTask,
  type GenerationRow,
} from "@/lib/db/queries/generations";
import { extensionForType } from "@/lib/catalog";
import { pixapi, type PixapiTask } from "@/lib/pixapi";
import { openObject, signedMediaUrl } from "@/lib/storage";
import { failureOf } from "./errors";
import { parseStoredParams } from "./params";
import { completeWithOutputs } from "./ingest";
import { instanceId, leaseUntil, withLeaseHeartbeat } from "./lease";
import { purgeIfDeleted } from "./purge";
import { firstPollDelayMs } from "./schedule";

/**
 * Runs one queued generation against Pixapi. Sync requests finish here; async ones end
 * here once Pixapi has accepted the task, and the tracker takes over. Safe to call twice:
 * only the caller that moves the row from queued to running does anything. `created`: the
 * row as the submit just wrote it (what the call needs never changes), so it is not read again.
 */
export async function runGeneration(id: string, created?: GenerationRow): Promise<void> {
  if (!(await markGenerationStarted({ id, lease: { owner: instanceId, until: leaseUntil() } }))) return;
  const gen = created?.id === id ? created : await getGenerationById({ id });
  if (!gen) return;
  // A sync call ends the generation here; an async one accepted upstream is still running.
  let ended = gen.mode === "sync";
  try {
    // The call and its downloads may take long: the heartbeat tells other instances this
    // row is alive, so their orphan recovery leaves it alone.
    await withLeaseHeartbeat({ id, owner: instanceId }, () => (gen.mode === "sync" ? runSync(gen) : submitAsync(gen)));
  } catch (error) {
    await failGeneration({ id, ...failureOf(error) });
    ended = true;
  }
  // Deleted by its owner during a sync call (or a failed submit): now settled, remove it.
  // A running task deleted meanwhile is removed by the tracker's poll that ends it.
  if (ended) await purgeIfDeleted(id);
}

async function readInputImages(gen: GenerationRow): Promise<{ data: Blob; filename: string }[]> {
  const inputs = gen.media.filter((m) => m.role === "input" && m.kind === "image");
  return Promise.all(
    inputs.map(async (m, i) => {
      const opened = await openObject({ key: m.storageKey });
      const bytes = new Uint8Array(await new Response(opened.stream).arrayBuffer());
      return { data: new Blob([bytes], { type: m.mimeType }), filename: `input-${i + 1}.${extensionForType(m.mimeType) ?? "png"}` };
    }),
  );
}

async function runSync(gen: GenerationRow): Promise<void> {
  const p = parseStoredParams(gen.params);
  const request = { model: gen.model, prompt: gen.prompt, n: p.n, size: p.size, quality: p.quality };
  const result = gen.kind === "edit" ? await pixapi().editImages({ ...request, images: await readInputImages(gen) }) : await pixapi().generateImages(request);
  const items = result.images.map((img) => (img.kind === "url" ? { kind: "url" as const, url: img.url } : { kind: "base64" as const, base64: img.base64 }));
  // Sync answers carry no cost: the estimate from the shared price table is what we settle.
  await completeWithOutputs({ generation: gen, kind: "image", items, costMilli: gen.estimatedMilli, source: "estimate" });
}

async function submitAsync(gen: GenerationRow): Promise<void> {
  const p = parseStoredParams(gen.params);
  let task: PixapiTask;
  if (gen.kind === "video") {
    const input = gen.media.find((m) => m.role === "input" && m.kind === "image");
    task = await pixapi().submitVideoGeneration({
      model: gen.model,
      prompt: gen.prompt,
      duration: p.duration,
      size: p.size,
      ...(input ? { inputImage: signedMediaUrl({ mediaId: input.id }) } : {}),
    });
  } else if (gen.kind === "edit") {
    task = await pixapi().submitImageEdit({ model: gen.model, prompt: gen.prompt, n: p.n, size: p.size, quality: p.quality, images: await readInputImages(gen) });
  } else {
    task = await pixapi().submitImageGeneration({ model: gen.model, prompt: gen.prompt, n: p.n, size: p.size, quality: p.quality });
  }
  await recordUpstreamTask({
    id: gen.id,
    upstreamTaskId: task.id,
    upstreamStatus: task.upstreamStatus,
    progress: task.progress,
    nextPollAt: new Date(Date.now() + firstPollDelayMs(gen.kind)),
  });
}
