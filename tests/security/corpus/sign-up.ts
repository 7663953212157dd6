import * as route from "@/app/api/sign-up/route";
import type { RouteTable, SecurityCase } from "../harness";
import { chunkedBody, CONTROL_SAMPLES, deepJson, FORGED_HEADERS, LINE_BREAK_SAMPLES } from "./samples";

const valid = () => ({ email: `new-${Math.random().toString(36).slice(2)}@example.com`, password: "correct-horse-42", name: "New Person" });
const signUp = (name: string, json: unknown | (() => unknown), status = 400, extra: Partial<SecurityCase> = {}): SecurityCase => ({
  name,
  method: "POST",
  as: "anonymous",
  ...(typeof json === "function" ? { body: () => JSON.stringify(json()), headers: { "content-type": "application/json" } } : { json }),
  status,
  ...extra,
});

export const signUpTable: RouteTable = {
  file: "app/api/sign-up/route.ts",
  route,
  path: "/api/sign-up",
  public: true,
  sessionActor: "anonymous",
  cases: [
    ...Object.entries({ ...CONTROL_SAMPLES, ...LINE_BREAK_SAMPLES }).map(([what, v]) => signUp(`${what} in name`, () => ({ ...valid(), name: `Ann ${v}` }))),
    ...Object.entries(CONTROL_SAMPLES).map(([what, v]) => signUp(`${what} in email`, () => ({ ...valid(), email: `ann${v}@example.com` }))),
    ...Object.entries(CONTROL_SAMPLES).map(([what, v]) => signUp(`${what} after the email`, () => ({ ...valid(), email: `ann@example.com${v}` }))),
    signUp("email not an email", () => ({ ...valid(), email: "ann" })),
    signUp("email too long", () => ({ ...valid(), email: `${"a".repeat(250)}@example.com` })),
    signUp("email a number", () => ({ ...valid(), email: 42 })),
    signUp("email an array", () => ({ ...valid(), email: ["a@example.com"] })),
    signUp("password too short", () => ({ ...valid(), password: "short" })),
    signUp("password too long", () => ({ ...valid(), password: "x".repeat(201) })),
    signUp("password a number", () => ({ ...valid(), password: 12345678 })),
    signUp("password missing", () => ({ email: valid().email })),
    signUp("name too long", () => ({ ...valid(), name: "x".repeat(101) })),
    signUp("name an object", () => ({ ...valid(), name: { first: "A" } })),
    signUp("body an array", [valid()]),
    signUp("body null", null),
    signUp("forged forwarding headers with a bad body", { email: "\u0000" }, 400, { headers: FORGED_HEADERS }),
    { name: "duplicate email", method: "POST", as: "anonymous", json: undefined, body: () => JSON.stringify({ ...valid(), email: "taken@example.com" }), headers: { "content-type": "application/json" }, status: 409 },
    { name: "duplicate email in other case", method: "POST", as: "anonymous", body: () => JSON.stringify({ ...valid(), email: " TAKEN@Example.com " }), headers: { "content-type": "application/json" }, status: 409 },
    { name: "malformed JSON", method: "POST", as: "anonymous", body: '{"email":', headers: { "content-type": "application/json" }, status: 400 },
    { name: "deep JSON", method: "POST", as: "anonymous", body: deepJson(20_000), headers: { "content-type": "application/json" }, status: 400 },
    { name: "form-encoded", method: "POST", as: "anonymous", body: "email=a%40b.co&password=12345678", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415 },
    { name: "oversize body", method: "POST", as: "anonymous", json: { ...valid(), pad: "x".repeat(70_000) }, status: 413 },
    { name: "chunked oversize body", method: "POST", as: "anonymous", body: () => chunkedBody(100_000), headers: { "content-type": "application/json" }, status: 413 },
  ],
};
