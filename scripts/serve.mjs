/**
 * The studio's HTTP server (started by `npm start`; plain JavaScript so it runs without a
 * TypeScript loader in front of Next). It is `next start` plus one thing Next cannot do:
 * telling the app which address the TCP connection came from. Route handlers never see the
 * socket, and Next keeps a client's own X-Forwarded-For as is, so per-IP limits could be
 * dodged with a made-up header. Here every request gets `x-studio-peer: <token> <address>`,
 * overwriting anything the client sent; the token is random per process and known only to
 * this process's app code (STUDIO_PEER_TOKEN), so the header cannot be forged.
 * lib/http/client-ip.ts combines it with X-Forwarded-For and TRUSTED_PROXIES.
 *
 * It also runs Next's standalone output (the Docker image, `npm run test:cluster`): copied
 * to `scripts/serve.mjs` inside `.next/standalone`, it serves that tree in place of the
 * generated server.js, which has no way to add the header.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const root = path.resolve(import.meta.dirname, "..");

// The app finds files it starts at run time here (lib/db/pglite-worker.mjs): its bundled
// modules live under .next/server and cannot tell where the checkout or standalone tree is.
process.env.STUDIO_ROOT = root;

const token = randomBytes(24).toString("base64url");
process.env.STUDIO_PEER_TOKEN = token;

// A production build carries its resolved config, as standalone's server.js uses it: the
// standalone tree has no next.config.ts to load, and Next warns about standalone output
// under `next start` unless it is told it runs the build's own config.
let conf;
const builtConfig = path.join(root, process.env.STUDIO_DIST_DIR || ".next", "required-server-files.json");
if (!dev && existsSync(builtConfig)) {
  conf = JSON.parse(readFileSync(builtConfig, "utf8")).config;
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
}

const app = next({ dev, dir: root, port, ...(conf ? { conf } : {}) });
await app.prepare();
const handle = app.getRequestHandler();

/** Responses being worked on: when shutdown begins they are told to close their connection. */
const open = new Set();
let closing = false;

const server = createServer((req, res) => {
  if (closing) {
    // Sent on a kept-alive connection after SIGTERM (server.close() only stops new
    // connections). Answering 503 would show the person an error; dropping the connection
    // unanswered makes the client send the request again on a new one (browsers and Node's
    // agent retry a request a reused connection dropped before any answer), which reaches
    // another instance or, after a restart, this one. Nothing of it was processed.
    req.socket.destroy();
    return;
  }
  open.add(res);
  res.on("close", () => open.delete(res));
  req.headers["x-studio-peer"] = `${token} ${req.socket.remoteAddress ?? ""}`;
  void handle(req, res);
});
server.listen(port, () => console.log(`[studio] Next server listening on port ${port}${dev ? " (dev)" : ""}.`));

function stop() {
  if (closing) return;
  closing = true;
  // Requests already running finish, and their connections close after the answer, so no
  // client sends another request into a server that is going away.
  for (const res of open) if (!res.headersSent) res.setHeader("connection", "close");
  server.closeIdleConnections();
  // The studio's own handler (lib/lifecycle/shutdown.ts, installed from instrumentation.ts)
  // drains requests, releases tracker leases, closes the database and then exits itself:
  // exiting here first would cut that short. Only stop accepting connections.
  if (globalThis.__pixapiStudioShutdownInstalled) {
    server.close();
    return;
  }
  // Finish requests in flight, then let Next run its own shutdown (instrumentation hooks).
  server.close(() => void app.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
