import { zipDownload } from "@/lib/downloads/zip";
import { readJson } from "@/lib/http/json-body";
import { authedRoute, unsupportedMethods } from "@/lib/http/route";
import { bulkIdsBodySchema } from "@/lib/validation/bulk";

/**
 * `{ "ids": [...] }` (1-500 of the user's generations) → a zip of their outputs plus
 * manifest.json, streamed as it is built. Any id that is not the user's refuses the whole
 * request (404) before a byte is sent.
 */
export const POST = authedRoute(async ({ req, user }) => {
  const { ids } = await readJson(req, bulkIdsBodySchema);
  const zip = await zipDownload({ userId: user.id, ids });
  return new Response(zip.body, {
    status: 200,
    headers: {
      "content-type": "application/zip",
      // An ASCII name built by the server, never from user input.
      "content-disposition": `attachment; filename="${zip.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}, { rateLimit: "read" });

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("POST");
