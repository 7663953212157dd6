import http from "node:http";
import type { AddressInfo } from "node:net";
import { Accounts } from "./accounts";
import { loadConfig, type EmulatorOptions } from "./config";
import { RenderCache, Stats, type App } from "./context";
import { renderGeneration } from "./render-image";
import { Faults } from "./faults";
import { FileStore } from "./files";
import { Semaphore } from "./render-video";
import { createDispatcher } from "./router";
import { TaskStore } from "./tasks";

export type { EmulatorOptions } from "./config";

export interface RunningEmulator {
  /** Origin, e.g. http://127.0.0.1:4010 (the API lives under /v1). */
  url: string;
  port: number;
  /** Where media files are stored. */
  filesDir: string;
  close(): Promise<void>;
}

const RENDER_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * Starts a local Pixapi. Options override EMULATOR_* env vars field by field; `port: 0`
 * picks a free port. Several emulators can run in one process (each test file its own).
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = loadConfig(options);
  const files = new FileStore(config.filesDir, config.fileTtlSeconds * 1000);
  await files.init();
  const accounts = new Accounts(config.defaultBalance);
  let origin = "";
  const app: App = {
    config,
    accounts,
    tasks: new TaskStore(accounts),
    files,
    faults: new Faults({ failRate: config.failRate, latencyMs: config.latencyMs }),
    stats: new Stats(),
    cache: new RenderCache(RENDER_CACHE_BYTES),
    videoSlots: new Semaphore(config.videoConcurrency),
    publicUrl: () => origin,
  };

  // The first large SVG render loads fonts and librsvg and warms sharp (~70 ms): pay that
  // at start, not in the first request.
  await renderGeneration({ model: "warm-up", prompt: "warm-up", width: 1024, height: 1024, quality: "medium", format: "png", index: 0 });

  const dispatch = createDispatcher(app);
  const server = http.createServer((req, res) => void dispatch(req, res));
  // Many pollers reuse connections; keep them a little longer than typical client pools.
  server.keepAliveTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  origin = (config.publicUrl ?? url).replace(/\/+$/, "");

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      app.tasks.close();
      // Hanging requests (injected `hang` faults) and idle keep-alive sockets would
      // otherwise hold close() open forever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await files.close();
    })());

  return { url, port, filesDir: files.directory, close };
}
