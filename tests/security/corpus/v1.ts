import * as generations from "@/app/v1/images/generations/route";
import * as edits from "@/app/v1/images/edits/route";
import * as asyncGenerations from "@/app/v1/async/images/generations/route";
import * as asyncEdits from "@/app/v1/async/images/edits/route";
import * as asyncVideos from "@/app/v1/async/videos/generations/route";
import * as tasks from "@/app/v1/tasks/[id]/route";
import * as models from "@/app/v1/models/route";
import * as files from "@/app/v1/files/[id]/route";
import * as unknown from "@/app/v1/[...path]/route";
import { signedMediaUrl } from "@/lib/storage/signed-url";
import { signedFileUrl } from "@/lib/public-api/file-urls";
import { pngFixture } from "../../support/generations";
import { multipart } from "../../support/studio";
import type { Fixtures, RouteTable, SecurityCase } from "../harness";
import { BAD_IDS, CONTROL_SAMPLES, deepJson, FORGED_HEADERS, URL_CONTROL_SAMPLES, urlEncoded } from "./samples";

/**
 * The Pixapi-compatible API. Requests carry a personal token (never a cookie: `as:
 * "anonymous"`); every refusal must be Pixapi's envelope and write nothing. The generated
 * session cases (cookies only) are 401s here too, as cookies are never accepted on /v1.
 */
const alice = (f: Fixtures) => ({ authorization: `Bearer ${f.tokens.alice}` });
const unauthorized = { status: 401, type: "authentication_error" } as const;
const notFound = { status: 404, type: "not_found_error" } as const;
const image = { model: "gpt-image-2", prompt: "a lighthouse", n: 1, size: "1024x1024" };
const video = { model: "veo", prompt: "waves", duration: 4, size: "1280x720" };

const post = (name: string, json: unknown, status = 400, extra: Partial<SecurityCase> = {}): SecurityCase => ({
  name,
  method: "POST",
  as: "anonymous",
  headers: alice,
  json,
  status,
  type: status === 400 ? "invalid_request_error" : undefined,
  ...extra,
});

/** Who may not call at all: no token, a wrong, revoked or expired one, a session's JWT, forged headers. */
function tokenCases(method: "GET" | "POST", path: string, json?: unknown): SecurityCase[] {
  const as = "anonymous" as const;
  const base = { method, as, json, ...unauthorized };
  return [
    { name: "no token", ...base },
    { name: "a made-up psk_ token", ...base, headers: { authorization: `Bearer psk_${"A".repeat(43)}` } },
    { name: "a revoked token", ...base, headers: (f) => ({ authorization: `Bearer ${f.tokens.revoked}` }) },
    { name: "an expired token", ...base, headers: (f) => ({ authorization: `Bearer ${f.tokens.expired}` }) },
    { name: "a Pixapi-style sk_ key", ...base, headers: { authorization: "Bearer sk_live_0123456789abcdef" } },
    { name: "Basic auth", ...base, headers: { authorization: "Basic YWxpY2U6cGFzcw==" } },
    { name: "the token without Bearer", ...base, headers: (f) => ({ authorization: f.tokens.alice }) },
    { name: "the token in the query string", ...base, path: (f) => `${path}?api_key=${f.tokens.alice}` },
    { name: "the token as a cookie", ...base, headers: (f) => ({ cookie: `api_key=${f.tokens.alice}` }) },
    { name: "alice's session cookie", ...base, as: "alice" },
    { name: "forged client headers", ...base, headers: { ...FORGED_HEADERS, "x-user-id": "admin" } },
    ...Object.entries(URL_CONTROL_SAMPLES).map(([what, v]): SecurityCase => ({ name: `${what} in the token`, ...base, headers: { authorization: `Bearer psk_${encodeURIComponent(v)}` } })),
  ];
}

const bodyCases: SecurityCase[] = [
  ...Object.entries(CONTROL_SAMPLES).flatMap(([what, v]) => [post(`${what} in prompt`, { ...image, prompt: v }), post(`${what} in model`, { ...image, model: v })]),
  post("no model", { prompt: "x" }),
  post("unknown model", { ...image, model: "dall-e-9" }),
  post("a video model", { ...image, model: "veo" }),
  post("blank prompt", { ...image, prompt: "  " }),
  post("prompt too long", { ...image, prompt: "x".repeat(4001) }),
  post("n is zero", { ...image, n: 0 }),
  post("n is too large", { ...image, n: 100 }),
  post("n is a string of letters", { ...image, n: "lots" }),
  post("size too small", { ...image, size: "16x16" }),
  post("size not a size", { ...image, size: "big" }),
  post("unknown quality", { ...image, quality: "ultra" }),
  post("unknown response_format", { ...image, response_format: "gif" }),
  post("stream: true", { ...image, stream: true }),
  post("the deprecated async flag", { ...image, async: true }),
  post("the deprecated async query", image, 400, { path: "/v1/images/generations?async=true" }),
  post("an array body", [image]),
  post("a null body", null),
  { name: "not JSON", method: "POST", as: "anonymous", headers: (f) => ({ ...alice(f), "content-type": "application/json" }), body: "{model", status: 400 },
  { name: "text/plain", method: "POST", as: "anonymous", headers: (f) => ({ ...alice(f), "content-type": "text/plain" }), body: "x", status: 400 },
  { name: "deeply nested JSON", method: "POST", as: "anonymous", headers: (f) => ({ ...alice(f), "content-type": "application/json" }), body: deepJson(5000), status: 400 },
  { name: "body over the size cap", method: "POST", as: "anonymous", headers: (f) => ({ ...alice(f), "content-type": "application/json" }), body: JSON.stringify({ ...image, prompt: "x".repeat(70 * 1024) }), status: 413 },
];

function table(file: string, route: RouteTable["route"], path: string, cases: SecurityCase[], extra: Partial<RouteTable> = {}): RouteTable {
  return { file, route, path, sessionActor: "anonymous", cases, ...extra };
}

async function editForm(fields: Record<string, string>, files: { type: string; bytes: Uint8Array }[], f: Fixtures) {
  const built = await multipart(fields, files.map((file, i) => ({ name: "image[]", filename: `f${i}.png`, type: file.type, bytes: file.bytes })));
  return { body: built.body, headers: { ...built.headers, ...alice(f) } };
}
const upload = (name: string, fields: Record<string, string>, files: () => Promise<{ type: string; bytes: Uint8Array }[]>, status = 400): SecurityCase => ({
  name,
  method: "POST",
  as: "anonymous",
  status,
  body: async (f) => editForm(fields, await files(), f),
});
const png = async () => ({ type: "image/png", bytes: await pngFixture() });
const editFields = { model: "gpt-image-2", prompt: "make it night" };
const editCases: SecurityCase[] = [
  post("JSON instead of multipart", image),
  upload("no image", editFields, async () => []),
  upload("a text file named .png", editFields, async () => [{ type: "image/png", bytes: new TextEncoder().encode("not an image") }]),
  upload("five images", editFields, async () => Promise.all([png(), png(), png(), png(), png()])),
  upload("NUL in the prompt", { ...editFields, prompt: "a\u0000b" }, async () => [await png()]),
  upload("an image-only model for video", { ...editFields, model: "veo" }, async () => [await png()]),
  upload("n too large", { ...editFields, n: "50" }, async () => [await png()]),
  { name: "declared size over the limit", method: "POST", as: "anonymous", headers: (f) => ({ ...alice(f), "content-type": "multipart/form-data; boundary=x", "content-length": String(500 * 1024 * 1024) }), body: "--x--", status: 413 },
  { name: "multipart without a Content-Length", method: "POST", as: "anonymous", headers: (f) => ({ ...alice(f), "content-type": "multipart/form-data; boundary=x" }), body: "--x--", status: 400 },
];

const videoCases: SecurityCase[] = [
  ...Object.entries(CONTROL_SAMPLES).map(([what, v]) => post(`${what} in a video prompt`, { ...video, prompt: v })),
  post("an image model", { ...video, model: "gpt-image-2" }),
  post("duration zero", { ...video, duration: 0 }),
  post("duration an hour", { ...video, duration: 3600 }),
  post("unknown size", { ...video, size: "999x999" }),
  // input_image: never fetched from an address the caller picks.
  post("input_image on the metadata service", { ...video, input_image: "http://169.254.169.254/latest/meta-data/" }),
  post("input_image on localhost", { ...video, input_image: "http://127.0.0.1:5432/" }),
  post("input_image as file://", { ...video, input_image: "file:///etc/passwd" }),
  post("input_image as gopher://", { ...video, input_image: "gopher://127.0.0.1:6379/_FLUSHALL" }),
  post("input_image as a data: URL of HTML", { ...video, input_image: "data:text/html;base64,PGgxPg==" }),
  post("input_image as a data: URL that is not an image", { ...video, input_image: "data:image/png;base64,aGVsbG8=" }),
  post("input_image with a forged studio signature", { ...video, input_image: "http://localhost:3999/v1/files/0123456789abcdef0123456789abcdef?expires=9999999999&sig=AAAA" }),
  {
    name: "input_image: bob's token on alice's output link",
    method: "POST",
    as: "anonymous",
    body: async (f) => ({
      body: JSON.stringify({ ...video, input_image: signedFileUrl({ mediaId: f.aliceMedia }) }),
      headers: { "content-type": "application/json", authorization: `Bearer ${f.tokens.bob}` },
    }),
    status: 400,
    type: "invalid_request_error",
  },
];

const taskPath = (id: string) => `/v1/tasks/${urlEncoded(id)}`;
const taskCases: SecurityCase[] = [
  ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method: "GET", as: "anonymous", headers: alice, params: { id }, path: taskPath(id), ...notFound })),
  { name: "another user's task", method: "GET", as: "anonymous", headers: (f) => ({ authorization: `Bearer ${f.tokens.bob}` }), ...notFound },
  { name: "a bare generation id", method: "GET", as: "anonymous", headers: alice, params: (f) => ({ id: f.aliceGeneration }), ...notFound },
  { name: "an unknown task", method: "GET", as: "anonymous", headers: alice, params: { id: `task_${"0".repeat(32)}` }, ...notFound },
  ...tokenCases("GET", "/v1/tasks/task_0"),
];

const future = () => Math.floor(Date.now() / 1000) + 600;
const filePath = (id: string, query: string) => `/v1/files/${urlEncoded(id)}?${query}`;
const fileCases: SecurityCase[] = [
  { name: "no signature", method: "GET", as: "anonymous", path: (f) => filePath(f.aliceMedia, ""), ...notFound },
  { name: "made-up signature", method: "GET", as: "anonymous", path: (f) => filePath(f.aliceMedia, `expires=${future()}&sig=AAAA`), ...notFound },
  { name: "expired", method: "GET", as: "anonymous", path: (f) => filePath(f.aliceMedia, "expires=1&sig=AAAA"), ...notFound },
  { name: "expiry not a number", method: "GET", as: "anonymous", path: (f) => filePath(f.aliceMedia, "expires=soon&sig=AAAA"), ...notFound },
  { name: "NUL in the signature", method: "GET", as: "anonymous", path: (f) => filePath(f.aliceMedia, `expires=${future()}&sig=%00`), ...notFound },
  {
    name: "an input-image signature replayed on an output",
    method: "GET",
    as: "anonymous",
    path: (f) => filePath(f.aliceMedia, new URL(signedMediaUrl({ mediaId: f.aliceMedia })).search.slice(1)),
    ...notFound,
  },
  { name: "a session cookie does not replace a signature", method: "GET", as: "alice", path: (f) => filePath(f.aliceMedia, ""), ...notFound },
  { name: "a token does not replace a signature", method: "GET", as: "anonymous", headers: alice, path: (f) => filePath(f.aliceMedia, ""), ...notFound },
  ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method: "GET", as: "anonymous", params: { id }, path: filePath(id, "expires=1&sig=x"), ...notFound })),
];

export const v1Tables: RouteTable[] = [
  table("app/v1/images/generations/route.ts", generations, "/v1/images/generations", [...bodyCases, ...tokenCases("POST", "/v1/images/generations", image)]),
  table("app/v1/async/images/generations/route.ts", asyncGenerations, "/v1/async/images/generations", [...bodyCases.map((c) => (c.name === "the deprecated async query" ? { ...c, path: "/v1/async/images/generations?async=true" } : c)), ...tokenCases("POST", "/v1/async/images/generations", image)]),
  table("app/v1/images/edits/route.ts", edits, "/v1/images/edits", [...editCases, ...tokenCases("POST", "/v1/images/edits")]),
  table("app/v1/async/images/edits/route.ts", asyncEdits, "/v1/async/images/edits", [...editCases, ...tokenCases("POST", "/v1/async/images/edits")]),
  table("app/v1/async/videos/generations/route.ts", asyncVideos, "/v1/async/videos/generations", [...videoCases, ...tokenCases("POST", "/v1/async/videos/generations", video)]),
  table("app/v1/tasks/[id]/route.ts", tasks, "/v1/tasks/[id]", taskCases, { params: (f) => ({ id: `task_${f.aliceGeneration}` }) }),
  table("app/v1/models/route.ts", models, "/v1/models", tokenCases("GET", "/v1/models")),
  table("app/v1/files/[id]/route.ts", files, "/v1/files/[id]", fileCases, { public: true, params: (f) => ({ id: f.aliceMedia }) }),
  table("app/v1/[...path]/route.ts", unknown, "/v1/chat/completions", (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) => ({ name: "an endpoint Pixapi does not have", method, as: "anonymous", headers: alice, params: { path: "chat" }, ...notFound })), { public: true }),
];
