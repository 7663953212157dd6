import "server-only";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isPixapiError, pixapi } from "@/lib/pixapi";

export interface HealthReport {
  status: "ok" | "degraded" | "down";
  demo: boolean;
  database: { status: "ok" | "down"; kind: "postgresql" | "pglite"; error?: string };
  upstream: { status: "ok" | "down"; checkedAt: string; error?: string };
}

// Load balancers and `npm start` poll health often; the upstream is asked at most every 30 s.
const UPSTREAM_TTL_MS = 30_000;
let upstreamCache: { at: number; value: HealthReport["upstream"] } | undefined;

export function resetHealthCache(): void {
  upstreamCache = undefined;
}

async function checkUpstream(): Promise<HealthReport["upstream"]> {
  if (upstreamCache && Date.now() - upstreamCache.at < UPSTREAM_TTL_MS) return upstreamCache.value;
  let value: HealthReport["upstream"];
  try {
    await pixapi().listModels({ timeoutMs: 3000, retry: { attempts: 1 } });
    value = { status: "ok", checkedAt: new Date().toISOString() };
  } catch (error) {
    // Health is public: say what kind of failure, never the upstream's address or message.
    value = { status: "down", checkedAt: new Date().toISOString(), error: isPixapiError(error) ? error.type : "unreachable" };
  }
  upstreamCache = { at: Date.now(), value };
  return value;
}

async function checkDatabase(): Promise<HealthReport["database"]> {
  const kind = env().DATABASE_URL ? "postgresql" : "pglite";
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return { status: "ok", kind };
  } catch (error) {
    console.error("[studio] health: database check failed:", error);
    return { status: "down", kind, error: "The database is not reachable." };
  }
}

export async function healthReport(): Promise<HealthReport> {
  const [database, upstream] = await Promise.all([checkDatabase(), checkUpstream()]);
  const status = database.status === "down" ? "down" : upstream.status === "down" ? "degraded" : "ok";
  return { status, demo: env().PIXAPI_DEMO, database, upstream };
}
