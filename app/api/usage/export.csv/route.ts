import { authedRoute, unsupportedMethods } from "@/lib/http/route";
import { localeOfRequest } from "@/lib/i18n/resolve";
import { translatorFor } from "@/lib/i18n/translator";
import { ledgerCsvStream } from "@/lib/usage/ledger";

/** The session user's whole ledger as a CSV download; its header row is in the user's language. */
export const GET = authedRoute(async ({ req, user }) => {
  const t = translatorFor(localeOfRequest(req, user.locale));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(ledgerCsvStream({ userId: user.id, header: (column) => t(`usage.csv.${column}`) }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pixapi-usage-${date}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = unsupportedMethods("GET");
