import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { getUsageSummary } from "@/lib/usage/summary";

/** Today's and this month's spend, and what is left of the allowance (the header and every submit button show it). */
export const GET = authedRoute(async ({ user }) => json(await getUsageSummary({ userId: user.id })));

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
