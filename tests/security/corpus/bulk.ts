import * as downloadsRoute from "@/app/api/downloads/route";
import * as favoriteRoute from "@/app/api/bulk/favorite/route";
import * as deleteRoute from "@/app/api/bulk/delete/route";
import * as idsRoute from "@/app/api/bulk/ids/route";
import type { RouteTable, SecurityCase } from "../harness";
import { BAD_IDS, FORGED_HEADERS, URL_CONTROL_SAMPLES, urlEncoded } from "./samples";

const notFound = { status: 404, type: "not_found_error" } as const;

/** Id lists every bulk body refuses (400), whatever else it carries. */
const badIdLists: [string, unknown][] = [
  ["empty list", []],
  ["ids as a string", "abc"],
  ["ids of numbers", [1, 2]],
  ["ids of objects", [{ id: "x" }]],
  ["null ids", null],
  ...Object.entries(BAD_IDS).map(([what, id]): [string, unknown] => [`${what} id`, [id]]),
  ["501 ids", Array.from({ length: 501 }, (_, i) => `g${i}`)],
];

/**
 * The cases the three bulk write routes share: bad id lists, bodies that are not JSON,
 * and ids that are not the caller's (alice's generation asked for by bob or an admin, or
 * mixed into alice's own request with an unknown one): 404, and nothing written.
 */
function bulkCases(extra: Record<string, unknown>): SecurityCase[] {
  const ownIds = (f: { aliceGeneration: string }) => [f.aliceGeneration];
  return [
    ...badIdLists.map(([name, ids]): SecurityCase => ({ name, method: "POST", json: { ids, ...extra }, status: 400 })),
    { name: "no ids", method: "POST", json: { ...extra }, status: 400 },
    { name: "an extra field", method: "POST", json: { ids: ["abc"], userId: "someone", ...extra }, status: 400 },
    { name: "body is an array", method: "POST", json: ["abc"], status: 400 },
    { name: "malformed JSON", method: "POST", body: '{"ids":', headers: { "content-type": "application/json" }, status: 400 },
    { name: "a form post (no JSON content type)", method: "POST", body: "ids=abc", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415 },
    { name: "oversize JSON body", method: "POST", json: { ids: ["abc"], pad: "x".repeat(70_000), ...extra }, status: 413 },
    { name: "another user's generation", method: "POST", as: "bob", body: (f) => JSON.stringify({ ids: ownIds(f), ...extra }), headers: { "content-type": "application/json" }, ...notFound },
    { name: "another user's generation, even as an admin", method: "POST", as: "admin", body: (f) => JSON.stringify({ ids: ownIds(f), ...extra }), headers: { "content-type": "application/json" }, ...notFound },
    {
      name: "another user's generation with forged forwarding headers",
      method: "POST",
      as: "bob",
      body: (f) => JSON.stringify({ ids: ownIds(f), ...extra }),
      headers: { ...FORGED_HEADERS, "content-type": "application/json" },
      ...notFound,
    },
    { name: "own generation plus an unknown id (all or nothing)", method: "POST", body: (f) => JSON.stringify({ ids: [f.aliceGeneration, "0".repeat(25)], ...extra }), headers: { "content-type": "application/json" }, ...notFound },
    { name: "a media id in place of a generation id", method: "POST", body: (f) => JSON.stringify({ ids: [f.aliceMedia], ...extra }), headers: { "content-type": "application/json" }, ...notFound },
  ];
}

export const downloadsTable: RouteTable = {
  file: "app/api/downloads/route.ts",
  route: downloadsRoute,
  path: "/api/downloads",
  cases: bulkCases({}),
};

export const bulkFavoriteTable: RouteTable = {
  file: "app/api/bulk/favorite/route.ts",
  route: favoriteRoute,
  path: "/api/bulk/favorite",
  cases: [
    ...bulkCases({ favorite: true }),
    { name: "favorite is a string", method: "POST", json: { ids: ["abc"], favorite: "true" }, status: 400 },
    { name: "favorite missing", method: "POST", json: { ids: ["abc"] }, status: 400 },
  ],
};

export const bulkDeleteTable: RouteTable = {
  file: "app/api/bulk/delete/route.ts",
  route: deleteRoute,
  path: "/api/bulk/delete",
  cases: bulkCases({}),
};

const ids = (name: string, query: string, status = 400, extra: Partial<SecurityCase> = {}): SecurityCase => ({ name, method: "GET", path: `/api/bulk/ids?${query}`, status, ...extra });

export const bulkIdsTable: RouteTable = {
  file: "app/api/bulk/ids/route.ts",
  route: idsRoute,
  path: "/api/bulk/ids",
  cases: [
    ...Object.entries(URL_CONTROL_SAMPLES).map(([what, v]) => ids(`${what} in q`, `q=${urlEncoded(v)}`)),
    ...Object.entries(URL_CONTROL_SAMPLES).map(([what, v]) => ids(`${what} in model`, `model=${urlEncoded(v)}`)),
    ids("kind unknown", "kind=audio"),
    ids("status unknown", "status=done"),
    ids("q too long", `q=${"x".repeat(201)}`),
    ids("paging is not part of it", "limit=5"),
    ids("a cursor is not part of it", "cursor=abc"),
    ids("an unknown parameter", "userId=someone"),
    ids("a malformed collection id", `collection=${encodeURIComponent("../x")}`),
    ids("another user's collection", "collection=x", 404, { as: "bob", path: (f) => `/api/bulk/ids?collection=${f.aliceCollection}`, type: "not_found_error" }),
    ids("another user's collection with forged forwarding headers", "collection=x", 404, { as: "bob", headers: FORGED_HEADERS, path: (f) => `/api/bulk/ids?collection=${f.aliceCollection}`, type: "not_found_error" }),
  ],
};
