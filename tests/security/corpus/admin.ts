import * as usersRoute from "@/app/api/admin/users/route";
import * as userRoute from "@/app/api/admin/users/[id]/route";
import * as promoteRoute from "@/app/api/admin/users/[id]/promote/route";
import type { RouteTable, SecurityCase } from "../harness";
import { BAD_IDS, deepObject } from "./samples";

const patch = (name: string, json: unknown, status = 400): SecurityCase => ({ name, method: "PATCH", as: "admin", json, status });

export const adminUsersTable: RouteTable = {
  file: "app/api/admin/users/route.ts",
  route: usersRoute,
  path: "/api/admin/users",
  cases: [
    { name: "a non-admin lists users", method: "GET", as: "alice", status: 403, type: "permission_error" },
    { name: "a non-admin with forged headers", method: "GET", as: "alice", headers: { "x-forwarded-for": "127.0.0.1", "x-user-role": "admin" }, status: 403 },
  ],
};

export const adminUserTable: RouteTable = {
  file: "app/api/admin/users/[id]/route.ts",
  route: userRoute,
  path: "/api/admin/users/[id]",
  params: (f) => ({ id: f.users.bob.id }),
  sessionActor: "admin",
  cases: [
    { name: "a non-admin raises their own allowance", method: "PATCH", as: "alice", params: (f) => ({ id: f.users.alice.id }), json: { allowanceCredits: 1_000_000 }, status: 403 },
    { name: "a non-admin disables another user", method: "PATCH", as: "bob", params: (f) => ({ id: f.users.alice.id }), json: { disabled: true }, status: 403 },
    { name: "a non-admin promotes themselves", method: "PATCH", as: "bob", params: (f) => ({ id: f.users.bob.id }), json: { role: "admin" }, status: 403 },
    patch("negative allowance", { allowanceCredits: -1 }),
    patch("allowance a word", { allowanceCredits: "lots" }),
    patch("allowance too large", { allowanceCredits: 5_000_000 }),
    patch("allowance an array", { allowanceCredits: [1] }),
    patch("disabled a string", { disabled: "yes" }),
    patch("disabled a number", { disabled: 1 }),
    patch("nothing to change", {}),
    patch("unknown field", { email: "x@example.com" }),
    patch("prototype pollution attempt", JSON.parse('{"__proto__": {"role": "admin"}, "disabled": false}')),
    { name: "disabling oneself", method: "PATCH", as: "admin", params: (f) => ({ id: f.users.admin.id }), json: { disabled: true }, status: 400 },
    { name: "malformed JSON", method: "PATCH", as: "admin", body: "{", headers: { "content-type": "application/json" }, status: 400 },
    { name: "deep JSON", method: "PATCH", as: "admin", body: deepObject(5000), headers: { "content-type": "application/json" }, status: 400 },
    { name: "not JSON", method: "PATCH", as: "admin", body: "disabled=true", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415 },
    { name: "unknown user", method: "PATCH", as: "admin", params: { id: "c0000000000000000000000000" }, json: { disabled: true }, status: 404 },
    ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method: "PATCH", as: "admin", params: { id }, json: { disabled: true }, status: 404 })),
  ],
};

export const adminPromoteTable: RouteTable = {
  file: "app/api/admin/users/[id]/promote/route.ts",
  route: promoteRoute,
  path: "/api/admin/users/[id]/promote",
  params: (f) => ({ id: f.users.bob.id }),
  sessionActor: "admin",
  cases: [
    { name: "a non-admin promotes themselves", method: "POST", as: "alice", params: (f) => ({ id: f.users.alice.id }), status: 403, type: "permission_error" },
    { name: "a non-admin promotes another user", method: "POST", as: "bob", params: (f) => ({ id: f.users.alice.id }), status: 403, type: "permission_error" },
    {
      name: "a non-admin with forged role headers",
      method: "POST",
      as: "alice",
      params: (f) => ({ id: f.users.alice.id }),
      headers: { "x-forwarded-for": "127.0.0.1", "x-user-role": "admin", "x-middleware-subrequest": "middleware" },
      status: 403,
    },
    { name: "a non-admin with a role in the body", method: "POST", as: "alice", params: (f) => ({ id: f.users.alice.id }), json: { role: "admin", source: "admin_emails" }, status: 403 },
    { name: "a non-admin promotes a disabled user", method: "POST", as: "bob", params: (f) => ({ id: f.users.disabled.id }), status: 403 },
    { name: "promoting an admin again", method: "POST", as: "admin", params: (f) => ({ id: f.users.admin.id }), status: 409, type: "conflict_error" },
    { name: "promoting a disabled account", method: "POST", as: "admin", params: (f) => ({ id: f.users.disabled.id }), status: 409, type: "conflict_error" },
    { name: "unknown user", method: "POST", as: "admin", params: { id: "c0000000000000000000000000" }, status: 404, type: "not_found_error" },
    ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method: "POST", as: "admin", params: { id }, status: 404 })),
  ],
};
