import * as route from "@/app/api/tokens/route";
import * as byId from "@/app/api/tokens/[id]/route";
import type { RouteTable, SecurityCase } from "../harness";
import { BAD_IDS, CONTROL_SAMPLES, deepJson, FORGED_HEADERS, LINE_BREAK_SAMPLES } from "./samples";

const post = (name: string, json: unknown, status = 400, extra: Partial<SecurityCase> = {}): SecurityCase => ({ name, method: "POST", json, status, ...extra });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const unauthorized = { status: 401, type: "authentication_error" } as const;
const notFound = { status: 404, type: "not_found_error" } as const;

export const tokensTable: RouteTable = {
  file: "app/api/tokens/route.ts",
  route,
  path: "/api/tokens",
  cases: [
    ...Object.entries(CONTROL_SAMPLES).map(([what, v]) => post(`${what} in the name`, { name: v })),
    ...Object.entries(LINE_BREAK_SAMPLES).map(([what, v]) => post(`${what} in the name`, { name: v })),
    post("no name", {}),
    post("blank name", { name: "   " }),
    post("name too long", { name: "x".repeat(61) }),
    post("name is a number", { name: 7 }),
    post("name is an object", { name: { toString: "x" } }),
    post("expiry of zero days", { name: "ok", expiresInDays: 0 }),
    post("negative expiry", { name: "ok", expiresInDays: -1 }),
    post("expiry over a year", { name: "ok", expiresInDays: 366 }),
    post("huge expiry", { name: "ok", expiresInDays: 1e308 }),
    post("fractional expiry", { name: "ok", expiresInDays: 1.5 }),
    post("expiry as a string", { name: "ok", expiresInDays: "30" }),
    post("an array body", [{ name: "ok" }]),
    post("a null body", null),
    { name: "not JSON", method: "POST", body: "{name", headers: { "content-type": "application/json" }, status: 400 },
    { name: "form-encoded", method: "POST", body: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415 },
    { name: "deeply nested JSON", method: "POST", body: deepJson(5000), headers: { "content-type": "application/json" }, status: 400 },
    { name: "body over the size cap", method: "POST", body: JSON.stringify({ name: "x".repeat(70 * 1024) }), headers: { "content-type": "application/json" }, status: 413 },
    // A personal token is never a session for the studio's own API.
    { name: "an API token instead of a session (list)", method: "GET", as: "anonymous", headers: (f) => bearer(f.tokens.alice), ...unauthorized },
    post("an API token instead of a session (create)", { name: "escalate" }, 401, { as: "anonymous", headers: (f) => bearer(f.tokens.alice), type: "authentication_error" }),
    post("forged client headers without a session", { name: "x" }, 401, { as: "anonymous", headers: { ...FORGED_HEADERS, "x-user-id": "admin" }, type: "authentication_error" }),
  ],
};

export const tokenByIdTable: RouteTable = {
  file: "app/api/tokens/[id]/route.ts",
  route: byId,
  path: "/api/tokens/[id]",
  params: (f) => ({ id: f.tokens.aliceId }),
  cases: [
    ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method: "DELETE", params: { id }, ...notFound })),
    { name: "another user's token", method: "DELETE", as: "bob", ...notFound },
    { name: "an unknown token", method: "DELETE", params: { id: "cunknowntoken000000000000" }, ...notFound },
    { name: "the token itself in place of its id", method: "DELETE", params: (f) => ({ id: f.tokens.alice }), ...notFound },
    { name: "revoking with the token instead of a session", method: "DELETE", as: "anonymous", headers: (f) => bearer(f.tokens.alice), ...unauthorized },
  ],
};
