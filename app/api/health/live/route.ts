import { json, publicRoute, unsupportedMethods } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Liveness: the process answers HTTP. Constant, no database or upstream, so a load balancer
 * restarts only what is truly stuck; /api/health is readiness. It is also the floor
 * `npm run bench` measures every other read against.
 */
export const GET = publicRoute(async () => json({ status: "ok" }));

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
