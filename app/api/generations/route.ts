import { z } from "zod";
import { createGeneration } from "@/lib/generations/create";
import { listGenerations, listQuerySchema } from "@/lib/generations/list";
import { readJson } from "@/lib/http/json-body";
import { readMultipart } from "@/lib/http/multipart";
import { generationsByIds, idsQuerySchema } from "@/lib/generations/by-ids";
import { readHeaders } from "@/lib/http/headers";
import { readQuery } from "@/lib/http/query";
import { authedRoute, json, jsonText, unsupportedMethods } from "@/lib/http/route";
import { jsonGenerationRequestSchema, MAX_EDIT_IMAGES, MAX_UPLOAD_BYTES, multipartFieldsSchema, type GenerationRequest } from "@/lib/validation/generation";

const IDEMPOTENCY_KEY_RULE = "Idempotency-Key must be 8-100 characters of letters, digits, _ . : -";
const headersSchema = z.object({
  "idempotency-key": z.string().trim().regex(/^[A-Za-z0-9_.:-]{8,100}$/, IDEMPOTENCY_KEY_RULE).optional(),
});

/** Creates a generation and answers at once (202) with its id; the upstream call runs on. */
export const POST = authedRoute(async ({ req, user }) => {
  const { "idempotency-key": idempotencyKey } = readHeaders(req, headersSchema);

  let request: GenerationRequest;
  let uploads: Uint8Array[] = [];
  if ((req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const { fields, files } = await readMultipart(req, multipartFieldsSchema, { maxBytes: MAX_EDIT_IMAGES * MAX_UPLOAD_BYTES + 64 * 1024, maxFileBytes: MAX_UPLOAD_BYTES, fileField: "image" });
    request = fields;
    uploads = files;
  } else {
    request = await readJson(req, jsonGenerationRequestSchema);
  }
  const { generation, created } = await createGeneration({ userId: user.id, request, uploads, idempotencyKey });
  return json({ generation }, { status: created ? 202 : 200 });
}, { rateLimit: "submit" });

/**
 * The user's generations, newest first, from our database only (never the upstream): a
 * page of the gallery, or with `?ids=` only those (what a screen is waiting on).
 */
export const GET = authedRoute(async ({ req, user }) => {
  if (new URL(req.url).searchParams.has("ids")) return json(await generationsByIds({ userId: user.id, ids: readQuery(req, idsQuerySchema).ids }));
  return jsonText(await listGenerations({ userId: user.id, query: readQuery(req, listQuerySchema) }));
}, { rateLimit: "read" });

export const { PUT, PATCH, DELETE } = unsupportedMethods("GET, POST");
