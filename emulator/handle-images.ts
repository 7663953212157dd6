import { estimateCredits, parseSize } from "../lib/catalog";
import type { Ctx } from "./context";
import { ApiError, invalidRequest } from "./errors";
import { readJsonBody, sendJson, sleep } from "./http";
import { sha256 } from "./ids";
import { checkImage } from "./image-input";
import { requireImageModel } from "./models";
import { IMAGE_FIELD, readMultipart } from "./multipart";
import { CONTENT_TYPES, renderEdit, renderGeneration } from "./render-image";
import { imageRequestSchema, parseRequest, rejectDeprecatedAsync } from "./schemas";
import { imageDurationMs } from "./timing";

/**
 * The four image endpoints share one path: read → faults → validate → price → produce.
 * Sync answers after the simulated time with `data[]`; async answers at once with a task.
 */
export function imageHandler(mode: { edit: boolean; async: boolean }) {
  return async (ctx: Ctx): Promise<void> => {
    const { app } = ctx;
    const { config } = app;
    let raw: Record<string, unknown>;
    let uploads: Buffer[] = [];
    if (mode.edit) {
      const body = await readMultipart(ctx.req, {
        maxFileBytes: config.maxUploadBytes,
        maxFiles: config.maxUploads,
        maxTotalBytes: config.maxMultipartBytes,
      });
      raw = body.fields;
      uploads = body.files.map((f) => f.data);
      for (const name of Object.keys(body.fields)) {
        if (IMAGE_FIELD.test(name)) throw invalidRequest(`'${name}' must be a file upload, not a text field`);
      }
    } else {
      const json = await readJsonBody(ctx.req, config.maxJsonBytes);
      if (typeof json !== "object" || json === null || Array.isArray(json)) throw invalidRequest("Request body must be a JSON object");
      raw = json as Record<string, unknown>;
    }

    const { taskFailure } = await ctx.faults(typeof raw.prompt === "string" ? raw.prompt : undefined, mode.async);

    const asyncPath = mode.edit ? "/v1/async/images/edits" : "/v1/async/images/generations";
    rejectDeprecatedAsync(ctx.url.searchParams, raw, asyncPath);
    const body = parseRequest(imageRequestSchema, raw);
    const model = requireImageModel(body.model);
    if (mode.edit) {
      if (uploads.length === 0) throw invalidRequest("'image' is required: upload one or more images (PNG, JPEG or WebP)");
      await Promise.all(uploads.map((bytes, i) => checkImage(bytes, uploads.length > 1 ? `image #${i + 1}` : "image", config.maxInputPixels)));
    }
    const { width, height } = parseSize(body.size, "image")!;
    const cost = estimateCredits({ kind: "image", model, size: body.size, quality: body.quality, n: body.n });
    const simulatedMs = imageDurationMs({ model, width, height, quality: body.quality, n: body.n, edit: mode.edit }) * config.timeScale;
    const inputHash = sha256(...uploads);

    const render = (): Promise<Buffer[]> =>
      Promise.all(
        Array.from({ length: body.n }, (_, index) => {
          const params = { model, prompt: body.prompt, width, height, quality: body.quality, format: body.output_format, index };
          const key = sha256(mode.edit ? "edit" : "generation", JSON.stringify(params), inputHash);
          return app.cache.getOrRender(key, () =>
            mode.edit
              ? renderEdit({ ...params, inputs: uploads, maxInputPixels: config.maxInputPixels }).catch((error: unknown) => {
                  // Headers can pass while pixel data is truncated or corrupt; that's the upload's fault.
                  throw error instanceof ApiError ? error : invalidRequest(`An uploaded image could not be decoded: ${(error as Error).message}`);
                })
              : renderGeneration(params),
          );
        }),
      );
    const store = (images: Buffer[]) =>
      Promise.all(images.map(async (bytes) => `${app.publicUrl()}${await app.files.put(bytes, body.output_format, CONTENT_TYPES[body.output_format])}`));

    if (mode.async) {
      const { id, createdAt } = app.tasks.submit({
        key: ctx.key,
        model: body.model,
        prompt: body.prompt,
        kind: "image",
        cost,
        durationMs: simulatedMs,
        injectedFailure: taskFailure,
        work: async () => store(await render()),
      });
      sendJson(ctx.res, 200, { status: "submitted", id, progress: 0, created_at: Math.floor(createdAt / 1000), model: body.model });
      return;
    }

    // Sync: hold the price while working so concurrent requests can't overspend, then
    // debit only if the client is still there to receive the result.
    app.accounts.reserve(ctx.key, cost);
    let settled = false;
    try {
      const [images] = await Promise.all([render(), sleep(simulatedMs, ctx.signal)]);
      if (ctx.signal.aborted) return;
      const data =
        body.response_format === "b64_json"
          ? images.map((bytes) => ({ b64_json: bytes.toString("base64") }))
          : (await store(images)).map((url) => ({ url }));
      app.accounts.settle(ctx.key, cost);
      settled = true;
      sendJson(ctx.res, 200, { created: Math.floor(Date.now() / 1000), data });
    } finally {
      if (!settled) app.accounts.release(ctx.key, cost);
    }
  };
}
