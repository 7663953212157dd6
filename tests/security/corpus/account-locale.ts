import * as route from "@/app/api/account/locale/route";
import type { RouteTable, SecurityCase } from "../harness";
import { CONTROL_SAMPLES, deepJson, FORGED_HEADERS } from "./samples";

const put = (name: string, json: unknown, extra: Partial<SecurityCase> = {}): SecurityCase => ({ name, method: "PUT", json, status: 400, ...extra });

export const accountLocaleTable: RouteTable = {
  file: "app/api/account/locale/route.ts",
  route,
  path: "/api/account/locale",
  cases: [
    ...Object.entries(CONTROL_SAMPLES).map(([what, v]) => put(`${what} as the locale`, { locale: v })),
    put("no locale", {}),
    put("an unknown language", { locale: "fr" }),
    put("the right language in the wrong case", { locale: "zh-cn" }),
    put("a cookie injection in the locale", { locale: "en; Path=/; Domain=evil.example" }),
    put("a header injection in the locale", { locale: "en\r\nSet-Cookie: admin=1" }),
    put("a path in the locale", { locale: "../../messages/en" }),
    put("locale is a list", { locale: ["en"] }),
    put("locale is an object", { locale: { toString: "en" } }),
    put("an extra field (another user's id)", { locale: "en", userId: "someone-else" }),
    put("an array body", [{ locale: "en" }]),
    put("a null body", null),
    { name: "not JSON", method: "PUT", body: "{locale", headers: { "content-type": "application/json" }, status: 400 },
    { name: "form-encoded", method: "PUT", body: "locale=en", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415 },
    { name: "deeply nested JSON", method: "PUT", body: deepJson(5000), headers: { "content-type": "application/json" }, status: 400 },
    { name: "body over the size cap", method: "PUT", json: { locale: "en", pad: "x".repeat(70 * 1024) }, status: 413 },
    { name: "forged client headers without a session", method: "PUT", as: "anonymous", json: { locale: "zh-CN" }, headers: { ...FORGED_HEADERS, "x-user-id": "admin" }, status: 401, type: "authentication_error" },
  ],
};
