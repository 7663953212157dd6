import { z } from "zod";
import { readQuery } from "@/lib/http/query";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { getDailyUsage } from "@/lib/usage/summary";

const querySchema = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });

/** Spend per UTC day by kind and model, for the Usage chart: ?days=30 (1-90). */
export const GET = authedRoute(async ({ req, user }) => {
  const { days } = readQuery(req, querySchema);
  return json(await getDailyUsage({ userId: user.id, days }));
});

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
