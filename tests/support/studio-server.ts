/**
 * The studio's real route handlers behind a plain Node HTTP server, for tests that need
 * the studio on the network: the contract suite and the openai SDK talk HTTP to /v1, and
 * the emulator fetches signed input images from /api/media/[id]/public. No Next build: the
 * same handler modules Next would call, on a random port, with the harness's database.
 *
 *   const server = await startStudioServer();   // after startStudioHarness()
 *   server.url  // http://127.0.0.1:<port>; NEXTAUTH_URL and PUBLIC_URL now point here
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { resetEnvCache } from "@/lib/env";

type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
type Module = Partial<Record<"GET" | "POST" | "DELETE", Handler>>;

const routes: Array<{ pattern: RegExp; params: (m: RegExpExecArray) => Record<string, unknown>; load: () => Promise<Module> }> = [
  { pattern: /^\/v1\/images\/generations$/, params: () => ({}), load: () => import("@/app/v1/images/generations/route") as Promise<unknown> as Promise<Module> },
  { pattern: /^\/v1\/images\/edits$/, params: () => ({}), load: () => import("@/app/v1/images/edits/route") as Promise<unknown> as Promise<Module> },
  { pattern: /^\/v1\/async\/images\/generations$/, params: () => ({}), load: () => import("@/app/v1/async/images/generations/route") as Promise<unknown> as Promise<Module> },
  { pattern: /^\/v1\/async\/images\/edits$/, params: () => ({}), load: () => import("@/app/v1/async/images/edits/route") as Promise<unknown> as Promise<Module> },
  { pattern: /^\/v1\/async\/videos\/generations$/, params: () => ({}), load: () => import("@/app/v1/async/videos/generations/route") as Promise<unknown> as Promise<Module> },
  { pattern: /^\/v1\/tasks\/([^/]+)$/, params: (m) => ({ id: decodeURIComponent(m[1]!) }), load: () => import("@/app/v1/tasks/[id]/route") as Promise<unknown> as Promise<Module> },
  { pattern: /^\/v1\/models$/, params: () => ({}), load: () => import("@/app/v1/models/route") as Promise<unknown> as Promise<Module> },
  { pattern: /^\/v1\/files\/([^/]+)$/, params: (m) => ({ id: decodeURIComponent(m[1]!) }), load: () => import("@/app/v1/files/[id]/route") as Promise<unknown> as Promise<Module> },
  { pattern: /^\/v1\/(.*)$/, params: (m) => ({ path: m[1]!.split("/") }), load: () => import("@/app/v1/[...path]/route") as Promise<unknown> as Promise<Module> },
  { pattern: /^\/api\/media\/([^/]+)\/public$/, params: (m) => ({ id: decodeURIComponent(m[1]!) }), load: () => import("@/app/api/media/[id]/public/route") as Promise<unknown> as Promise<Module> },
];

export interface StudioServer {
  url: string;
  close(): Promise<void>;
}

async function dispatch(origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", origin);
  const route = routes.map((r) => ({ r, m: r.pattern.exec(url.pathname) })).find((x) => x.m);
  const method = (req.method ?? "GET") as keyof Module;
  const handler = route ? (await route.r.load())[method] : undefined;
  if (!route || !handler) {
    res.writeHead(route ? 405 : 404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: 404, message: "no route", type: "not_found_error" } }));
    return;
  }
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const hasBody = method !== "GET" && method !== "DELETE";
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  const request = new Request(url, {
    method,
    headers,
    signal: abort.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(route.r.params(route.m!)) });
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  if (!response.body) return void res.end();
  Readable.fromWeb(response.body as never).pipe(res);
}

export async function startStudioServer(): Promise<StudioServer> {
  let origin = "";
  const server = createServer((req, res) => {
    dispatch(origin, req, res).catch((error: unknown) => {
      console.error("[studio-server]", error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Signed links (data[].url, input images for Pixapi) must point at this server.
  Object.assign(process.env, { NEXTAUTH_URL: origin, PUBLIC_URL: origin });
  resetEnvCache();
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
