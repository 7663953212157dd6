import * as listRoute from "@/app/api/collections/route";
import * as byIdRoute from "@/app/api/collections/[id]/route";
import * as itemsRoute from "@/app/api/collections/[id]/items/route";
import type { RouteTable, SecurityCase } from "../harness";
import { BAD_IDS, CONTROL_SAMPLES, FORGED_HEADERS } from "./samples";

const notFound = { status: 404, type: "not_found_error" } as const;

/** Name bodies that must be refused, for creating and renaming alike. */
const badNames: [string, unknown][] = [
  ...Object.entries(CONTROL_SAMPLES).map(([what, v]): [string, unknown] => [`${what} in the name`, { name: `a${v}b` }]),
  ["a newline in the name", { name: "a\nb" }],
  ["blank name", { name: "   " }],
  ["name too long", { name: "x".repeat(61) }],
  ["name is a number", { name: 7 }],
  ["name is an object", { name: { toString: "x" } }],
  ["no name", {}],
  ["an extra field", { name: "ok", userId: "someone" }],
  ["body is an array", ["x"]],
];

const nonJson = (method: "POST" | "PATCH" | "DELETE"): SecurityCase[] => [
  { name: "malformed JSON", method, body: '{"name":', headers: { "content-type": "application/json" }, status: 400 },
  { name: "text/plain body", method, body: '{"name":"x"}', headers: { "content-type": "text/plain" }, status: 415 },
  { name: "oversize JSON body", method, json: { name: "x", pad: "x".repeat(70_000) }, status: 413 },
];

export const collectionsTable: RouteTable = {
  file: "app/api/collections/route.ts",
  route: listRoute,
  path: "/api/collections",
  cases: [
    ...badNames.map(([name, json]): SecurityCase => ({ name, method: "POST", json, status: 400 })),
    ...nonJson("POST"),
    { name: "forged forwarding headers do not bypass validation", method: "POST", json: { name: "\u0000" }, headers: FORGED_HEADERS, status: 400 },
  ],
};

/** Cases every [id] route shares: ids that name nothing, and alice's collection asked for by others. */
function idCases(method: "PATCH" | "DELETE" | "POST", json: unknown): SecurityCase[] {
  const withBody = json === undefined ? {} : { json };
  return [
    ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method, params: { id }, ...withBody, ...notFound })),
    { name: "another user's collection", method, as: "bob", ...withBody, ...notFound },
    { name: "another user's collection, even as an admin", method, as: "admin", ...withBody, ...notFound },
    { name: "another user's collection with forged forwarding headers", method, as: "bob", headers: FORGED_HEADERS, ...withBody, ...notFound },
    { name: "a generation id in place of a collection id", method, params: (f) => ({ id: f.aliceGeneration }), ...withBody, ...notFound },
    { name: "unknown well-formed id", method, params: { id: "0".repeat(25) }, ...withBody, ...notFound },
  ];
}

export const collectionByIdTable: RouteTable = {
  file: "app/api/collections/[id]/route.ts",
  route: byIdRoute,
  path: "/api/collections/[id]",
  params: (f) => ({ id: f.aliceCollection }),
  cases: [
    ...badNames.map(([name, json]): SecurityCase => ({ name, method: "PATCH", json, status: 400 })),
    ...nonJson("PATCH"),
    ...idCases("PATCH", { name: "renamed by someone" }),
    ...idCases("DELETE", undefined),
  ],
};

const badIds: [string, unknown][] = [
  ["empty list", { ids: [] }],
  ["ids as a string", { ids: "abc" }],
  ["ids of numbers", { ids: [1, 2] }],
  ["a NUL id", { ids: ["\u0000"] }],
  ["a path in the ids", { ids: ["../../etc/passwd"] }],
  ["SQL in the ids", { ids: ["' OR 1=1 --"] }],
  ["501 ids", { ids: Array.from({ length: 501 }, (_, i) => `g${i}`) }],
  ["no ids", {}],
  ["an extra field", { ids: ["abc"], all: true }],
];

export const collectionItemsTable: RouteTable = {
  file: "app/api/collections/[id]/items/route.ts",
  route: itemsRoute,
  path: "/api/collections/[id]/items",
  params: (f) => ({ id: f.aliceCollection }),
  cases: (["POST", "DELETE"] as const).flatMap((method): SecurityCase[] => [
    ...badIds.map(([name, json]): SecurityCase => ({ name, method, json, status: 400 })),
    ...nonJson(method),
    ...idCases(method, { ids: ["0".repeat(25)] }).map((c) => ({ ...c, json: c.json ?? { ids: ["0".repeat(25)] } })),
    // Alice's own collection, but an item that is bob's (or nobody's): nothing is written.
    { name: "a generation that is not alice's as an item", method, as: "alice", json: { ids: ["0".repeat(32)] }, ...notFound },
    { name: "another user adding alice's generation to alice's collection", method, as: "bob", json: { ids: ["x"] }, params: (f) => ({ id: f.aliceCollection }), ...notFound },
  ]),
};
