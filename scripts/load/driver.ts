/**
 * A small closed-loop load driver for scripts that drive a running studio (`npm run bench`,
 * and anything else that needs "N users doing X at once"). Each virtual user sends one
 * request, waits for the answer, sends the next: the way a polling tab behaves, and the
 * way a saturated server shows its real latency (an open-loop driver would mostly measure
 * its own queue). Plain node:http with keep-alive, like a browser's connection reuse; the
 * driver's own CPU cost stays small on a machine it shares with the server.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface HttpAnswer {
  status: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

export interface HttpClient {
  request(method: string, path: string, options?: { headers?: Record<string, string>; body?: string | Uint8Array }): Promise<HttpAnswer>;
  close(): void;
}

/** Requests to one origin over kept-alive sockets (as many as there are requests in flight). */
export function httpClient(origin: string): HttpClient {
  const url = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const once = (method: string, path: string, headers: Record<string, string>, body: string | Uint8Array | undefined) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, method, path, agent, headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
          res.on("error", reject);
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
      req.end(body);
    });
  return {
    request: async (method, path, { headers = {}, body } = {}) => {
      try {
        return await once(method, path, headers, body);
      } catch (error) {
        // A kept-alive socket the server closed while idle fails the next request on it
        // (Node's documented race): that request never reached the server, so send it again.
        if ((error as { reusedSocket?: boolean; code?: string }).reusedSocket && (error as { code?: string }).code === "ECONNRESET") return once(method, path, headers, body);
        throw new Error(`${method} ${origin}${path} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
    close: () => agent.destroy(),
  };
}

export interface Latencies {
  /** Milliseconds, sorted ascending. */
  samples: number[];
  /** Answers per second over the measured part of the run. */
  throughput: number;
  wallMs: number;
  /** Count of each HTTP status seen while measuring. */
  statuses: Record<number, number>;
}

/** Several runs of the same thing as one: all samples, answers over the summed wall time. */
export function mergeLatencies(runs: readonly Latencies[]): Latencies {
  const samples = runs.flatMap((r) => r.samples).sort((a, b) => a - b);
  const wallMs = runs.reduce((sum, r) => sum + r.wallMs, 0);
  const statuses: Record<number, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[Number(k)] = (statuses[Number(k)] ?? 0) + v;
  return { samples, throughput: (samples.length / wallMs) * 1000, wallMs, statuses };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/**
 * Runs `users.length` users at once, each making `rounds` requests back to back after
 * `warmup` unmeasured ones (all users warm up before any measuring starts, so the
 * measured rounds all see the same concurrency). `step` returns the answer's status.
 */
export async function runUsers<U>({
  users,
  rounds,
  warmup = 2,
  step,
}: {
  users: readonly U[];
  rounds: number;
  warmup?: number;
  step: (user: U, round: number) => Promise<number>;
}): Promise<Latencies> {
  await Promise.all(users.map(async (u) => { for (let i = 0; i < warmup; i++) await step(u, -1 - i); }));
  const samples: number[] = [];
  const statuses: Record<number, number> = {};
  const t0 = performance.now();
  await Promise.all(
    users.map(async (u) => {
      for (let round = 0; round < rounds; round++) {
        const start = performance.now();
        const status = await step(u, round);
        samples.push(performance.now() - start);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const wall = performance.now() - t0;
  samples.sort((a, b) => a - b);
  return { samples, throughput: (samples.length / wall) * 1000, wallMs: wall, statuses };
}
