import * as route from "@/app/api/generations/[id]/route";
import type { RouteTable, SecurityCase } from "../harness";
import { BAD_IDS, FORGED_HEADERS } from "./samples";

const notFound = { status: 404, type: "not_found_error" } as const;
/** PATCH cases carry a valid body, so only the id can be what stops them. */
const body = (method: string): Partial<SecurityCase> => (method === "PATCH" ? { json: { favorite: true } } : {});

export const generationByIdTable: RouteTable = {
  file: "app/api/generations/[id]/route.ts",
  route,
  path: "/api/generations/[id]",
  params: (f) => ({ id: f.aliceGeneration }),
  cases: [
    // Starring: the body must be exactly { favorite: boolean }.
    ...([["favorite as a string", { favorite: "true" }], ["favorite as null", { favorite: null }], ["no favorite", {}], ["an extra field", { favorite: true, userId: "x" }], ["body is an array", [true]]] as const).map(
      ([name, json]): SecurityCase => ({ name, method: "PATCH", json, status: 400 }),
    ),
    { name: "favorite as text/plain", method: "PATCH", body: '{"favorite":true}', headers: { "content-type": "text/plain" }, status: 415 },
    ...(["GET", "PATCH", "DELETE"] as const).flatMap((method): SecurityCase[] => [
      ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method, params: { id }, ...body(method), ...notFound })),
      { name: "another user's generation", method, as: "bob", ...body(method), ...notFound },
      { name: "another user's generation, even as an admin", method, as: "admin", ...body(method), ...notFound },
      { name: "another user's generation with forged forwarding headers", method, as: "bob", headers: FORGED_HEADERS, ...body(method), ...notFound },
      { name: "a media id in place of a generation id", method, params: (f) => ({ id: f.aliceMedia }), ...body(method), ...notFound },
      { name: "unknown well-formed id", method, params: { id: "0".repeat(32) }, ...body(method), ...notFound },
    ]),
  ],
};
