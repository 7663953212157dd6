import * as shareRoute from "@/app/api/generations/[id]/share/route";
import * as sharesRoute from "@/app/api/shares/route";
import * as sharedMediaRoute from "@/app/s/[token]/media/[mediaId]/route";
import * as previewRoute from "@/app/s/[token]/preview/route";
import type { RouteTable, SecurityCase } from "../harness";
import { BAD_IDS, CONTROL_SAMPLES, FORGED_HEADERS } from "./samples";

const notFound = { status: 404, type: "not_found_error" } as const;
/** Well-formed but sharing nothing: the 128-bit shape with no row behind it. */
const UNKNOWN_TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";

export const shareTable: RouteTable = {
  file: "app/api/generations/[id]/share/route.ts",
  route: shareRoute,
  path: "/api/generations/[id]/share",
  params: (f) => ({ id: f.aliceGeneration }),
  cases: [
    ...([["hidePrompt as a string", { hidePrompt: "yes" }], ["hidePrompt as null", { hidePrompt: null }], ["an extra field", { hidePrompt: true, token: "mine" }], ["body is an array", [true]]] as const).map(
      ([name, json]): SecurityCase => ({ name, method: "POST", json, status: 400 }),
    ),
    ...Object.entries(CONTROL_SAMPLES).map(([what, v]): SecurityCase => ({ name: `${what} as a field name`, method: "POST", json: { [`a${v}`]: true }, status: 400 })),
    { name: "text/plain body", method: "POST", body: '{"hidePrompt":true}', headers: { "content-type": "text/plain" }, status: 415 },
    { name: "malformed JSON", method: "POST", body: '{"hidePrompt":', headers: { "content-type": "application/json" }, status: 400 },
    ...(["POST", "DELETE"] as const).flatMap((method): SecurityCase[] => [
      ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method, params: { id }, ...notFound })),
      { name: "another user's generation", method, as: "bob", ...notFound },
      { name: "another user's generation, even as an admin", method, as: "admin", ...notFound },
      { name: "another user's generation with forged forwarding headers", method, as: "bob", headers: FORGED_HEADERS, ...notFound },
      { name: "a media id in place of a generation id", method, params: (f) => ({ id: f.aliceMedia }), ...notFound },
    ]),
  ],
};

export const sharesTable: RouteTable = {
  file: "app/api/shares/route.ts",
  route: sharesRoute,
  path: "/api/shares",
  cases: [
    { name: "forged forwarding headers are no session", method: "GET", as: "anonymous", headers: FORGED_HEADERS, status: 401, type: "authentication_error" },
    { name: "a forged session cookie with forwarding headers", method: "GET", as: "forged", headers: FORGED_HEADERS, status: 401, type: "authentication_error" },
  ],
};

/** Public routes: a token, id or header that doesn't name a shared output is always one 404. */
const publicCases = (withMedia: boolean): SecurityCase[] => [
  ...Object.entries(BAD_IDS).map(([what, token]): SecurityCase => ({ name: `${what} token`, method: "GET", as: "anonymous", params: (f) => ({ token, ...(withMedia ? { mediaId: f.aliceMedia } : {}) }), ...notFound })),
  { name: "a token that shares nothing", method: "GET", as: "anonymous", params: (f) => ({ token: UNKNOWN_TOKEN, ...(withMedia ? { mediaId: f.aliceMedia } : {}) }), ...notFound },
  { name: "a generation id as the token", method: "GET", as: "anonymous", params: (f) => ({ token: f.aliceGeneration, ...(withMedia ? { mediaId: f.aliceMedia } : {}) }), ...notFound },
  { name: "the owner's session does not stand in for a token", method: "GET", as: "alice", params: (f) => ({ token: UNKNOWN_TOKEN, ...(withMedia ? { mediaId: f.aliceMedia } : {}) }), ...notFound },
  { name: "forged forwarding headers", method: "GET", as: "anonymous", headers: FORGED_HEADERS, params: (f) => ({ token: UNKNOWN_TOKEN, ...(withMedia ? { mediaId: f.aliceMedia } : {}) }), ...notFound },
  ...(withMedia
    ? [
        { name: "a live token with the owner's uploaded input", method: "GET", as: "anonymous", params: (f) => ({ token: f.aliceShareToken, mediaId: f.aliceInputMedia ?? "none" }), ...notFound },
        { name: "a live token with the generation id as media id", method: "GET", as: "anonymous", params: (f) => ({ token: f.aliceShareToken, mediaId: f.aliceGeneration }), ...notFound },
        { name: "a live token with another user's session and forged headers", method: "GET", as: "bob", headers: FORGED_HEADERS, params: (f) => ({ token: f.aliceShareToken, mediaId: f.aliceInputMedia ?? "none" }), ...notFound },
      ] satisfies SecurityCase[]
    : []),
  ...(withMedia
    ? Object.entries(BAD_IDS).map(([what, mediaId]): SecurityCase => ({ name: `${what} media id`, method: "GET", as: "anonymous", params: { token: UNKNOWN_TOKEN, mediaId }, ...notFound }))
    : []),
];

export const sharedMediaTable: RouteTable = {
  file: "app/s/[token]/media/[mediaId]/route.ts",
  route: sharedMediaRoute,
  path: "/s/[token]/media/[mediaId]",
  params: (f) => ({ token: UNKNOWN_TOKEN, mediaId: f.aliceMedia }),
  public: true,
  cases: publicCases(true),
};

export const sharePreviewTable: RouteTable = {
  file: "app/s/[token]/preview/route.ts",
  route: previewRoute,
  path: "/s/[token]/preview",
  params: () => ({ token: UNKNOWN_TOKEN }),
  public: true,
  cases: publicCases(false),
};
