import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { listLedger } from "@/lib/usage/ledger";

/** The session user's credit ledger, newest first: ?limit=25&cursor=... */
export const GET = authedRoute(async ({ req, user }) => json(await listLedger({ userId: user.id, query: new URL(req.url).searchParams })));

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
