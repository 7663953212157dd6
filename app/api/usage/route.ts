import { readQuery } from "@/lib/http/query";
import { authedRoute, json, unsupportedMethods } from "@/lib/http/route";
import { ledgerQuerySchema, listLedger } from "@/lib/usage/ledger";

/** The session user's credit ledger, newest first: ?limit=25&cursor=... */
export const GET = authedRoute(async ({ req, user }) => json(await listLedger({ userId: user.id, query: readQuery(req, ledgerQuerySchema) })));

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
