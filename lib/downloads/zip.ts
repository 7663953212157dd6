import "server-only";
import { once } from "node:events";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { ZipArchive } from "archiver";
import { getGenerationsForUser } from "@/lib/db/queries/generation-reads";
import type { GenerationRow } from "@/lib/db/queries/generations";
import { AppError } from "@/lib/errors";
import { parseStoredParams } from "@/lib/generations/params";
import { openObject } from "@/lib/storage";
import { zipEntryName, zipFileName } from "./file-names";

/**
 * POST /api/downloads: the chosen generations' outputs as one zip, built while it is sent.
 * Nothing holds the archive: each file is read from the store only when the zip reaches it,
 * and the response's backpressure paces the reads (memory stays at a few chunks, whatever
 * the count). The manifest comes last, so it can say which files made it.
 */
export interface ZipDownload {
  fileName: string;
  body: ReadableStream<Uint8Array>;
}

interface Entry {
  name: string;
  storageKey: string;
  date: Date;
}

interface ManifestItem {
  id: string;
  kind: string;
  status: string;
  model: string;
  prompt: string;
  params: ReturnType<typeof parseStoredParams>;
  createdAt: string;
  files: string[];
}

function plan(rows: GenerationRow[]): { entries: Entry[]; items: ManifestItem[] } {
  const entries: Entry[] = [];
  const items = rows.map((g): ManifestItem => {
    const outputs = g.media.filter((m) => m.role === "output");
    const files = outputs.map((m, index) => {
      const name = zipEntryName({ createdAt: g.createdAt, prompt: g.prompt, id: g.id, mimeType: m.mimeType, index, count: outputs.length });
      entries.push({ name, storageKey: m.storageKey, date: g.createdAt });
      return name;
    });
    return { id: g.id, kind: g.kind, status: g.status, model: g.model, prompt: g.prompt, params: parseStoredParams(g.params), createdAt: g.createdAt.toISOString(), files };
  });
  return { entries, items };
}

/**
 * Checks every id first (all the user's, or a 404 for the whole request: a zip silently
 * missing items would look complete), then starts the stream.
 */
export async function zipDownload({ userId, ids, now = new Date() }: { userId: string; ids: string[]; now?: Date }): Promise<ZipDownload> {
  const rows = await getGenerationsForUser({ userId, ids });
  if (rows.length !== ids.length) throw new AppError("not_found_error", ids.length === 1 ? "No such generation." : "One of the items isn't in your gallery.");
  const { entries, items } = plan(rows);

  // Media are already compressed (PNG, WebP, MP4): stored as they are, only the manifest is deflated.
  const archive = new ZipArchive({ zlib: { level: 6 } });
  // The client went away (or the stream failed): stop opening files.
  const gone = new AbortController();
  archive.once("close", () => gone.abort());
  // An unheard "error" would be thrown by the emitter; the response stream ends with it instead.
  archive.on("error", (error) => console.error("[downloads] zip stream failed:", error));
  void (async () => {
    const missing: string[] = [];
    for (const entry of entries) {
      if (gone.signal.aborted) return;
      let source: Readable;
      try {
        source = Readable.fromWeb((await openObject({ key: entry.storageKey })).stream as NodeReadableStream<Uint8Array>);
      } catch (error) {
        console.error("[downloads] a stored file could not be read:", entry.storageKey, error);
        missing.push(entry.name);
        continue;
      }
      const stop = () => source.destroy();
      gone.signal.addEventListener("abort", stop, { once: true });
      archive.append(source, { name: entry.name, date: entry.date, store: true });
      // One file open at a time: wait until the archive has taken this one whole.
      try {
        await once(archive, "entry", { signal: gone.signal });
      } finally {
        gone.signal.removeEventListener("abort", stop);
      }
    }
    const manifest = { createdAt: now.toISOString(), count: items.length, items, ...(missing.length ? { missing } : {}) };
    archive.append(JSON.stringify(manifest, null, 2), { name: "manifest.json", date: now });
    await archive.finalize();
  })().catch((error: unknown) => {
    if (gone.signal.aborted) return;
    console.error("[downloads] zip stream failed:", error);
    archive.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  return { fileName: zipFileName(now, items.length), body: Readable.toWeb(archive) as ReadableStream<Uint8Array> };
}
