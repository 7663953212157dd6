import { healthReport } from "@/lib/health";
import { json, publicRoute, unsupportedMethods } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** 200 while the studio can serve (an upstream outage is "degraded", not down); 503 without a database. */
export const GET = publicRoute(async () => {
  const report = await healthReport();
  return json(report, { status: report.status === "down" ? 503 : 200 });
});

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
