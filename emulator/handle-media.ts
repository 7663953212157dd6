import { DEFAULT_VIDEO_DURATION, estimateCredits, MEDIA_TYPES, parseSize } from "../lib/catalog";
import type { Ctx } from "./context";
import { invalidRequest, notFound } from "./errors";
import { fetchInputImage } from "./fetch-input";
import { readJsonBody, sendJson } from "./http";
import { sha256 } from "./ids";
import { MODEL_LIST, requireVideoModel } from "./models";
import { renderVideo } from "./render-video";
import { parseRequest, rejectDeprecatedAsync, videoRequestSchema } from "./schemas";
import { videoDurationMs } from "./timing";

/** POST /v1/async/videos/generations — video is async-only, as documented. */
export async function submitVideo(ctx: Ctx): Promise<void> {
  const { app } = ctx;
  const { config } = app;
  const json = await readJsonBody(ctx.req, config.maxJsonBytes);
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw invalidRequest("Request body must be a JSON object");
  const raw = json as Record<string, unknown>;
  const { taskFailure } = await ctx.faults(typeof raw.prompt === "string" ? raw.prompt : undefined, true);

  rejectDeprecatedAsync(ctx.url.searchParams, raw, "/v1/async/videos/generations");
  const body = parseRequest(videoRequestSchema, raw);
  const model = requireVideoModel(body.model);
  const { width, height } = parseSize(body.size, "video")!;
  const seconds = body.duration ?? DEFAULT_VIDEO_DURATION[model];
  const cost = estimateCredits({ kind: "video", model, size: body.size, duration: seconds });

  const work = async (): Promise<string[]> => {
    // Fetched when the task runs, like the real service: a dead link fails the task, not the submit.
    const input = body.input_image
      ? await fetchInputImage(body.input_image, { timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes, maxPixels: config.maxInputPixels })
      : undefined;
    const key = sha256("video", model, body.prompt, `${width}x${height}`, String(seconds), input ? sha256(input) : "");
    const bytes = await app.cache.getOrRender(key, () =>
      app.videoSlots.run(() =>
        renderVideo({ model, prompt: body.prompt, width, height, durationSeconds: seconds, input, maxInputPixels: config.maxInputPixels }, app.files.directory),
      ),
    );
    return [`${app.publicUrl()}${await app.files.put(bytes, "mp4", MEDIA_TYPES.mp4)}`];
  };

  const { id, createdAt } = app.tasks.submit({
    key: ctx.key,
    model: body.model,
    prompt: body.prompt,
    kind: "video",
    cost,
    durationMs: videoDurationMs({ model, width, height, seconds }) * config.timeScale,
    injectedFailure: taskFailure,
    work,
  });
  sendJson(ctx.res, 200, { status: "submitted", id, progress: 0, created_at: Math.floor(createdAt / 1000), model: body.model });
}

/** GET /v1/tasks/{id}. Someone else's task is indistinguishable from a missing one. */
export async function getTask(ctx: Ctx): Promise<void> {
  const id = ctx.params.id!;
  const { app } = ctx;
  const owned = app.tasks.view(id, ctx.key) !== undefined;
  if (owned) app.stats.countPoll(id);
  await ctx.faults(owned ? app.tasks.promptOf(id) : undefined);
  const task = app.tasks.view(id, ctx.key);
  if (!task) throw notFound(`No task with id '${id}'`);
  sendJson(ctx.res, 200, task);
}

export async function listModels(ctx: Ctx): Promise<void> {
  await ctx.faults(undefined);
  sendJson(ctx.res, 200, { object: "list", data: MODEL_LIST });
}
