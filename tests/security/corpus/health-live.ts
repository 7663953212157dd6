import * as liveRoute from "@/app/api/health/live/route";
import type { RouteTable } from "../harness";

/** Liveness takes no input and no session; its read-cost test checks the constant answer. */
export const healthLiveTable: RouteTable = {
  file: "app/api/health/live/route.ts",
  route: liveRoute,
  path: "/api/health/live",
  public: true,
  sessionActor: "anonymous",
  // No input to get wrong; the generated cases send every write method (405 envelopes).
  cases: [],
};
