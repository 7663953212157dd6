import { z } from "zod";
import { readJson } from "@/lib/http/json-body";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { shareGeneration, unshareGeneration } from "@/lib/shares/service";

type Params = { id: string };

const bodySchema = z.strictObject({ hidePrompt: z.boolean({ error: "hidePrompt must be true or false." }).optional() });

/** A POST with no body at all is the plain "share it" (curl -X POST). */
function hasNoBody(req: Request): boolean {
  return !req.headers.get("content-type") && (req.headers.get("content-length") ?? "0") === "0";
}

/**
 * Turns on the public link for a finished generation (`{ "hidePrompt": true }` keeps the
 * prompt off the page) and answers `{ url, hidePrompt, sharedAt }`. Calling it again keeps
 * the same link and only changes hidePrompt.
 */
export const POST = authedRoute<Params>(async ({ req, user, params }) => {
  const body = hasNoBody(req) ? {} : await readJson(req, bodySchema);
  return json(await shareGeneration(user.id, params.id, body.hidePrompt ?? false));
});

/** Turns the link off; the old URL answers 404 from now on. Turning it on again makes a new one. */
export const DELETE = authedRoute<Params>(async ({ user, params }) => {
  await unshareGeneration(user.id, params.id);
  return new Response(null, { status: 204 });
});

export const { GET, PUT, PATCH } = unsupportedMethods("POST, DELETE");
