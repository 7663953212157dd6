import * as route from "@/app/api/generations/route";
import { pngFixture } from "../../support/generations";
import { multipart } from "../../support/studio";
import type { RouteTable, SecurityCase } from "../harness";
import { chunkedBody, CONTROL_SAMPLES, deepJson, deepObject, FORGED_HEADERS, LINE_BREAK_SAMPLES, URL_CONTROL_SAMPLES, urlEncoded } from "./samples";

const image = { kind: "image", model: "gpt-image-2", prompt: "a lighthouse", n: 1, size: "1024x1024" };
const video = { kind: "video", model: "veo", prompt: "waves", duration: 4, size: "1280x720" };

const post = (name: string, json: unknown, status = 400, extra: Partial<SecurityCase> = {}): SecurityCase => ({ name, method: "POST", json, status, ...extra });
const list = (name: string, query: string, status = 400): SecurityCase => ({ name, method: "GET", path: `/api/generations?${query}`, status });

async function form(fields: Record<string, string>, files: { type: string; bytes: Uint8Array }[] = []) {
  return multipart(fields, files.map((f, i) => ({ name: "image", filename: `f${i}.png`, type: f.type, bytes: f.bytes })));
}

/** A multipart case: the body and its headers (boundary, Content-Length) come from one FormData. */
function upload(name: string, fields: Record<string, string>, files: () => Promise<{ type: string; bytes: Uint8Array }[]>, status: number, type?: string): SecurityCase {
  return { name, method: "POST", status, type, body: async () => form(fields, await files()) };
}

const stringFields: [string, Record<string, unknown>][] = [
  ["prompt", image],
  ["model", image],
  ["size", image],
  ["quality", image],
  ["kind", image],
];

export const generationsTable: RouteTable = {
  file: "app/api/generations/route.ts",
  route,
  path: "/api/generations",
  cases: [
    // Control characters in every string field of the JSON body (image and video).
    ...stringFields.flatMap(([field, base]) =>
      Object.entries(CONTROL_SAMPLES).map(([what, v]) => post(`${what} in ${field}`, { ...base, [field]: v })),
    ),
    ...Object.entries(CONTROL_SAMPLES).map(([what, v]) => post(`${what} in a video prompt`, { ...video, prompt: v })),
    ...Object.entries(LINE_BREAK_SAMPLES).map(([what, v]) => post(`${what} in model`, { ...image, model: v })),
    // Wrong types and out-of-range numbers.
    post("prompt is a number", { ...image, prompt: 42 }),
    post("prompt is an array", { ...image, prompt: ["a"] }),
    post("prompt is an object", { ...image, prompt: { toString: "x" } }),
    post("prompt is null", { ...image, prompt: null }),
    post("prompt is blank", { ...image, prompt: "   " }),
    post("prompt too long", { ...image, prompt: "x".repeat(4001) }),
    post("n is zero", { ...image, n: 0 }),
    post("n is negative", { ...image, n: -3 }),
    post("n is too large", { ...image, n: 5 }),
    post("n is a fraction", { ...image, n: 1.5 }),
    post("n is huge", { ...image, n: 1e308 }),
    post("n is a word", { ...image, n: "many" }),
    post("n is an object", { ...image, n: { valueOf: 2 } }),
    post("size is giant", { ...image, size: "99999x99999" }),
    post("size is tiny", { ...image, size: "16x16" }),
    post("size has a bad ratio", { ...image, size: "4096x256" }),
    post("size is negative", { ...image, size: "-1024x1024" }),
    post("quality unknown", { ...image, quality: "ultra" }),
    post("kind unknown", { ...image, kind: "audio" }),
    post("kind missing", { model: "gpt-image-2", prompt: "x" }),
    post("edit without uploads as JSON", { ...image, kind: "edit" }),
    post("unknown model", { ...image, model: "no-such-model" }),
    post("video model for an image", { ...image, model: "veo" }),
    post("video duration too long", { ...video, duration: 999 }),
    post("video duration negative", { ...video, duration: -5 }),
    post("video duration a fraction", { ...video, duration: 4.5 }),
    post("video size unknown", { ...video, size: "8000x8000" }),
    post("body is an array", [image]),
    post("body is a string", "image"),
    post("body is null", null),
    // Malformed, deep and oversize bodies, wrong content types.
    { name: "malformed JSON", method: "POST", body: '{"kind":"image",', headers: { "content-type": "application/json" }, status: 400 },
    { name: "empty body", method: "POST", body: "", headers: { "content-type": "application/json" }, status: 400 },
    { name: "deeply nested arrays", method: "POST", body: deepJson(20_000), headers: { "content-type": "application/json" }, status: 400 },
    { name: "deeply nested objects", method: "POST", body: deepObject(5_000), headers: { "content-type": "application/json" }, status: 400 },
    { name: "text/plain body", method: "POST", body: JSON.stringify(image), headers: { "content-type": "text/plain" }, status: 415 },
    { name: "no content type", method: "POST", body: JSON.stringify(image), status: 415 },
    { name: "XML body", method: "POST", body: "<image/>", headers: { "content-type": "application/xml" }, status: 415 },
    { name: "form-urlencoded body", method: "POST", body: "kind=image&prompt=x", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415 },
    { name: "declared oversize JSON", method: "POST", body: JSON.stringify(image), headers: { "content-type": "application/json", "content-length": "10000000" }, status: 413 },
    { name: "oversize JSON body", method: "POST", json: { ...image, pad: "x".repeat(70_000) }, status: 413 },
    { name: "chunked oversize JSON body", method: "POST", body: () => chunkedBody(200_000), headers: { "content-type": "application/json" }, status: 413 },
    // Header abuse.
    post("bad Idempotency-Key (too short)", image, 400, { headers: { "idempotency-key": "abc" } }),
    post("bad Idempotency-Key (control char)", image, 400, { headers: { "idempotency-key": "abcdefgh\u0007ij" } }),
    post("bad Idempotency-Key (too long)", image, 400, { headers: { "idempotency-key": "k".repeat(101) } }),
    post("forged forwarding headers do not bypass validation", { ...image, prompt: "\u0000" }, 400, { headers: FORGED_HEADERS }),
    // Multipart uploads.
    { name: "multipart without Content-Length", method: "POST", body: () => chunkedBody(1000), headers: { "content-type": "multipart/form-data; boundary=x" }, status: 400 },
    { name: "multipart declared too large", method: "POST", body: "--x--", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(500 * 1024 * 1024) }, status: 413 },
    { name: "multipart that is not multipart", method: "POST", body: "garbage", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": "7" }, status: 400 },
    upload("edit with NUL in the prompt", { kind: "edit", model: "gpt-image-2", prompt: "a\u0000b" }, async () => [{ type: "image/png", bytes: await pngFixture() }], 400),
    upload("edit with ESC in the model", { kind: "edit", model: "\u001bgpt", prompt: "x" }, async () => [{ type: "image/png", bytes: await pngFixture() }], 400),
    upload("edit without an image", { kind: "edit", model: "gpt-image-2", prompt: "x" }, async () => [], 400),
    upload("edit with text posing as PNG", { kind: "edit", model: "gpt-image-2", prompt: "x" }, async () => [{ type: "image/png", bytes: new TextEncoder().encode("not an image at all") }], 415),
    upload("edit with an SVG", { kind: "edit", model: "gpt-image-2", prompt: "x" }, async () => [{ type: "image/svg+xml", bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }], 415),
    upload("edit with five images", { kind: "edit", model: "gpt-image-2", prompt: "x" }, async () => Array.from({ length: 5 }, () => ({ type: "image/png", bytes: new Uint8Array(0) })), 400),
    upload("multipart kind image", { kind: "image", model: "gpt-image-2", prompt: "x" }, async () => [], 400),
    upload("video with a bad duration", { kind: "video", model: "veo", prompt: "x", duration: "forever" }, async () => [{ type: "image/png", bytes: await pngFixture() }], 400),
    // The list's query string.
    ...Object.entries(URL_CONTROL_SAMPLES).map(([what, v]) => list(`${what} in q`, `q=${urlEncoded(v)}`)),
    ...Object.entries(URL_CONTROL_SAMPLES).map(([what, v]) => list(`${what} in model filter`, `model=${urlEncoded(v)}`)),
    list("newline in q", "q=a%0Ab"),
    list("q too long", `q=${"x".repeat(201)}`),
    list("limit zero", "limit=0"),
    list("limit too large", "limit=61"),
    list("limit a word", "limit=all"),
    list("status unknown", "status=deleted"),
    list("kind unknown", "kind=%00"),
    list("cursor not base64 of a cursor", "cursor=garbage"),
    list("cursor with a NUL id", `cursor=${Buffer.from("2026-01-01T00:00:00.000Z|\u0000").toString("base64url")}`),
    list("cursor with a date PostgreSQL can't hold", `cursor=${Buffer.from("-271821-04-20T00:00:00.000Z|abc").toString("base64url")}`),
    list("cursor too long", `cursor=${"a".repeat(300)}`),
    // The pending poll (?ids=): ids only, well-formed, at most 50. Another user's ids are not
    // an error but answer nothing: tests/routes/pending-poll.test.ts checks that body.
    ...Object.entries(URL_CONTROL_SAMPLES).map(([what, v]) => list(`${what} in ids`, `ids=${urlEncoded(v)}`)),
    list("ids empty", "ids="),
    list("ids with an empty entry", "ids=a,,b"),
    list("ids with a path", "ids=..%2F..%2Fetc"),
    list("ids with a quote", "ids=a'%20OR%20'1'%3D'1"),
    list("ids too many", `ids=${Array.from({ length: 51 }, (_, i) => `g${i}`).join(",")}`),
    list("ids too long", `ids=${"x".repeat(7000)}`),
    list("ids with a cursor", "ids=a&cursor=b"),
    list("ids with a filter", "ids=a&status=running"),
    { name: "another user's id beside a bad one is still refused", method: "GET", as: "bob", path: (f) => `/api/generations?ids=${f.aliceGeneration},a%2Fb`, status: 400 },
    { name: "forged forwarding headers with ids", method: "GET", path: "/api/generations?ids=a%00", headers: FORGED_HEADERS, status: 400 },
  ],
};
