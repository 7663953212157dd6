import os from "node:os";
import path from "node:path";
import { spawnChild, type Child } from "./processes";

/**
 * One studio instance in production mode: the standalone build's files, served by
 * scripts/serve.mjs (copied next to server.js, as the Docker image does), so the unforgeable
 * client address (x-studio-peer) and the studio's SIGTERM handling are what runs here.
 */
export interface Instance {
  name: string;
  url: string;
  port: number;
  child: Child;
  /** Prefix of the tracker lease owner this process writes (lib/generations/lease.ts). */
  leasePrefix: string;
}

async function waitForHealth(url: string, child: Child, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    if (!child.isRunning()) throw new Error(`${child.name} exited before ${url}/api/health answered`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${child.name} not healthy within ${timeoutMs} ms (${last})`);
}

export async function startInstance(input: { name: string; port: number; standaloneRoot: string; env: NodeJS.ProcessEnv; logDir: string }): Promise<Instance> {
  const url = `http://127.0.0.1:${input.port}`;
  const child = spawnChild(input.name, process.execPath, [path.join(input.standaloneRoot, "scripts", "serve.mjs")], {
    cwd: input.standaloneRoot,
    env: { ...input.env, PORT: String(input.port) },
    logFile: path.join(input.logDir, `${input.name}.log`),
  });
  await waitForHealth(url, child, 90_000);
  return { name: input.name, url, port: input.port, child, leasePrefix: `${os.hostname()}-${child.pid}-` };
}
