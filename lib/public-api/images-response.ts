import "server-only";
import { getMediaForUser } from "@/lib/db/queries/media";
import type { GenerationView } from "@/lib/generations/view";
import type { ImagesResponse } from "@/lib/pixapi/schemas";
import { openObject } from "@/lib/storage";
import { signedFileUrl } from "./file-urls";
import type { ResponseFormat } from "./requests";

/**
 * The OpenAI-style answer of the sync endpoints: `data[].url` (a signed studio link) or,
 * with response_format b64_json, the stored bytes themselves.
 */
export async function imagesResponse(g: GenerationView, userId: string, format: ResponseFormat): Promise<ImagesResponse> {
  const created = Math.floor(new Date(g.createdAt).getTime() / 1000);
  if (format === "url") return { created, data: g.outputs.map((o) => ({ url: signedFileUrl({ mediaId: o.id }) })) };
  const data: ImagesResponse["data"] = [];
  for (const o of g.outputs) {
    const media = await getMediaForUser({ id: o.id, userId });
    if (!media) continue;
    const opened = await openObject({ key: media.storageKey });
    const bytes = Buffer.from(await new Response(opened.stream).arrayBuffer());
    data.push({ b64_json: bytes.toString("base64") });
  }
  return { created, data };
}
