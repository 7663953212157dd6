import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { ApiError, notFound } from "./errors";
import { sendError } from "./http";
import { fileId, sha256 } from "./ids";

interface FileLink {
  blob: string;
  ext: string;
  contentType: string;
  size: number;
  createdAt: number;
  expiresAt: number;
}

/**
 * The emulator's CDN: media lives on disk, links live in memory.
 *
 * Every response gets a fresh unguessable link (`/files/<128-bit id>.<ext>`, no auth, like
 * a signed CDN URL) that expires after the TTL. Bytes are stored once per content hash, so
 * a benchmark asking the same thing a thousand times writes one file, and a blob is
 * deleted when its last link expires.
 */
export class FileStore {
  private readonly links = new Map<string, FileLink>();
  /** Live link count per stored blob file (`<hash>.<ext>`). */
  private readonly refs = new Map<string, number>();
  private readonly pending = new Map<string, Promise<void>>();
  private dir = "";
  private ownsDir = false;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly requestedDir: string | undefined,
    private readonly ttlMs: number,
  ) {}

  async init(): Promise<void> {
    if (this.requestedDir) {
      await fs.mkdir(this.requestedDir, { recursive: true });
      this.dir = this.requestedDir;
    } else {
      this.dir = await fs.mkdtemp(path.join(os.tmpdir(), "pixapi-emulator-"));
      this.ownsDir = true;
    }
    // Sweep often enough that a short test TTL is observable, but never faster than 50 ms.
    const every = Math.max(50, Math.min(60_000, this.ttlMs / 2));
    this.sweeper = setInterval(() => void this.sweep(), every);
    this.sweeper.unref();
  }

  get directory(): string {
    return this.dir;
  }

  /** Stores bytes and returns the path part of a new link, e.g. `/files/AbC.png`. */
  async put(bytes: Buffer, ext: string, contentType: string): Promise<string> {
    const blob = sha256(bytes).slice(0, 40);
    const name = `${blob}.${ext}`;
    // Writes and deletes of one blob go through `pending` one at a time, so a sweep can't
    // delete a file that a concurrent put is about to link.
    let written = false;
    while (!written && !this.refs.has(name)) {
      const pending = this.pending.get(name);
      if (pending) {
        await pending;
        continue;
      }
      // The new link is counted in the same callback that records the blob, leaving no
      // moment where a sweep could see it unreferenced.
      const op = fs
        .writeFile(path.join(this.dir, name), bytes)
        .then(() => void this.refs.set(name, 1))
        .finally(() => this.pending.delete(name));
      this.pending.set(name, op);
      await op;
      written = true;
    }
    if (!written) this.refs.set(name, (this.refs.get(name) ?? 0) + 1);
    const id = fileId();
    const now = Date.now();
    this.links.set(id, { blob, ext, contentType, size: bytes.length, createdAt: now, expiresAt: now + this.ttlMs });
    return `/files/${id}.${ext}`;
  }

  /** Drops expired links, then deletes every blob no live link points to. */
  async sweep(now: number = Date.now()): Promise<void> {
    for (const [id, link] of this.links) {
      if (link.expiresAt > now) continue;
      this.links.delete(id);
      const name = `${link.blob}.${link.ext}`;
      this.refs.set(name, (this.refs.get(name) ?? 1) - 1);
    }
    for (const [name, count] of [...this.refs]) {
      if (count > 0 || this.pending.has(name) || this.refs.get(name) !== 0) continue;
      this.refs.delete(name);
      const op = fs.rm(path.join(this.dir, name), { force: true }).finally(() => this.pending.delete(name));
      this.pending.set(name, op);
      await op;
    }
  }

  /** GET/HEAD /files/<id>.<ext>, with ETag revalidation and single byte ranges. */
  serve(req: IncomingMessage, res: ServerResponse, name: string): void {
    const match = /^([A-Za-z0-9_-]{16,64})\.([a-z0-9]{2,5})$/.exec(name);
    const link = match ? this.links.get(match[1]!) : undefined;
    if (!match || !link || link.ext !== match[2] || link.expiresAt <= Date.now()) {
      sendError(res, notFound("File not found or its link has expired"));
      return;
    }
    const etag = `"${link.blob}"`;
    const maxAge = Math.max(0, Math.floor((link.expiresAt - Date.now()) / 1000));
    const headers: Record<string, string | number> = {
      "content-type": link.contentType,
      etag,
      "last-modified": new Date(link.createdAt).toUTCString(),
      // The bytes behind a link never change, so browsers may keep them until it expires.
      "cache-control": `public, max-age=${maxAge}, immutable`,
      expires: new Date(link.expiresAt).toUTCString(),
      "accept-ranges": "bytes",
      // Like a public CDN: the studio's pages may fetch() media, not only <img>/<video> it.
      "access-control-allow-origin": "*",
      "access-control-expose-headers": "content-length, content-range, etag",
    };
    const ifNoneMatch = req.headers["if-none-match"];
    if (ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim() === etag || t.trim() === "*")) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const range = this.parseRange(req, link.size, etag);
    if (range === "unsatisfiable") {
      sendError(res, new ApiError(416, "invalid_request_error", "Requested range not satisfiable", { "content-range": `bytes */${link.size}` }));
      return;
    }
    const file = path.join(this.dir, `${link.blob}.${link.ext}`);
    if (range) {
      headers["content-range"] = `bytes ${range.start}-${range.end}/${link.size}`;
      headers["content-length"] = range.end - range.start + 1;
      res.writeHead(206, headers);
    } else {
      headers["content-length"] = link.size;
      res.writeHead(200, headers);
    }
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = createReadStream(file, range ?? {});
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  }

  /** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; anything else is served whole (RFC 9110 allows ignoring Range). */
  private parseRange(req: IncomingMessage, size: number, etag: string): { start: number; end: number } | "unsatisfiable" | undefined {
    const header = req.headers.range;
    if (!header) return undefined;
    const ifRange = req.headers["if-range"];
    if (ifRange !== undefined && ifRange !== etag) return undefined;
    const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
    if (!m || (m[1] === "" && m[2] === "")) return undefined;
    let start: number;
    let end: number;
    if (m[1] === "") {
      const suffix = Number(m[2]);
      if (suffix === 0) return "unsatisfiable";
      start = Math.max(0, size - suffix);
      end = size - 1;
    } else {
      start = Number(m[1]);
      end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
    }
    if (start >= size || start > end) return "unsatisfiable";
    return { start, end };
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    // A render still finishing writes into the directory while it is removed (ENOTEMPTY):
    // rm's own retries cover that window.
    if (this.ownsDir) await fs.rm(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
