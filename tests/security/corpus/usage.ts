import * as ledgerRoute from "@/app/api/usage/route";
import * as dailyRoute from "@/app/api/usage/daily/route";
import * as exportRoute from "@/app/api/usage/export.csv/route";
import * as summaryRoute from "@/app/api/usage/summary/route";
import * as modelsRoute from "@/app/api/models/route";
import * as healthRoute from "@/app/api/health/route";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import type { RouteTable, SecurityCase } from "../harness";
import { URL_CONTROL_SAMPLES, urlEncoded } from "./samples";

const query = (base: string) => (name: string, q: string): SecurityCase => ({ name, method: "GET", path: `${base}?${q}`, status: 400 });
const ledger = query("/api/usage");
const daily = query("/api/usage/daily");

export const usageTable: RouteTable = {
  file: "app/api/usage/route.ts",
  route: ledgerRoute,
  path: "/api/usage",
  cases: [
    ledger("limit zero", "limit=0"),
    ledger("limit too large", "limit=101"),
    ledger("limit negative", "limit=-1"),
    ledger("limit a word", "limit=lots"),
    ledger("limit NaN", "limit=NaN"),
    ledger("cursor junk", "cursor=%%%"),
    ledger("cursor with a NUL id", `cursor=${Buffer.from("2026-01-01T00:00:00.000Z|a\u0000").toString("base64url")}`),
    ledger("cursor with a date PostgreSQL can't hold", `cursor=${Buffer.from("-271821-04-20T00:00:00.000Z|abc").toString("base64url")}`),
    ...Object.entries(URL_CONTROL_SAMPLES).map(([what, v]) => ledger(`${what} as the cursor`, `cursor=${urlEncoded(v)}`)),
  ],
};

export const dailyTable: RouteTable = {
  file: "app/api/usage/daily/route.ts",
  route: dailyRoute,
  path: "/api/usage/daily",
  cases: [daily("days zero", "days=0"), daily("days too many", "days=91"), daily("days a word", "days=week"), daily("days NUL", "days=%00"), daily("days a fraction", "days=1.5"), daily("days huge", "days=1e309")],
};

export const exportTable: RouteTable = { file: "app/api/usage/export.csv/route.ts", route: exportRoute, path: "/api/usage/export.csv", cases: [] };
export const summaryTable: RouteTable = { file: "app/api/usage/summary/route.ts", route: summaryRoute, path: "/api/usage/summary", cases: [] };
export const modelsTable: RouteTable = { file: "app/api/models/route.ts", route: modelsRoute, path: "/api/models", cases: [] };
export const healthTable: RouteTable = { file: "app/api/health/route.ts", route: healthRoute, path: "/api/health", public: true, sessionActor: "anonymous", cases: [] };
/** next-auth answers its own methods; the others must still be the envelope. */
export const nextAuthTable: RouteTable = {
  file: "app/api/auth/[...nextauth]/route.ts",
  route: nextAuthRoute,
  path: "/api/auth/session",
  public: true,
  sessionActor: "anonymous",
  cases: [],
};
