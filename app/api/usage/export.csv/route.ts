import { authedRoute, unsupportedMethods } from "@/lib/http/route";
import { ledgerCsvStream } from "@/lib/usage/ledger";

/** The session user's whole ledger as a CSV download. */
export const GET = authedRoute(async ({ user }) => {
  const date = new Date().toISOString().slice(0, 10);
  return new Response(ledgerCsvStream({ userId: user.id }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pixapi-usage-${date}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
