/**
 * Shared bits for the lib/pixapi contract tests: a client pointed at a live emulator,
 * header-based fault injection (through the client's `fetch` option), and polling.
 */
import sharp from "sharp";

import { createPixapiClient, type PixapiClient, type PixapiConfig, PixapiError, type PixapiTask } from "@/lib/pixapi";
import type { TestEmulator } from "@/tests/support/emulator";

export const KEY = "sk_contract_0123456789abcdef";

/** Fast retries so a suite of failure cases stays quick; the policy itself is what's under test. */
export const FAST_RETRY = { attempts: 3, baseMs: 5, maxMs: 2_000 };

export function clientFor(emu: TestEmulator, extra: PixapiConfig = {}): PixapiClient {
  // baseUrl deliberately ends in /v1, as the helper gives it: the client must accept that.
  return createPixapiClient({ baseUrl: emu.baseUrl, apiKey: KEY, timeoutMs: 10_000, retry: FAST_RETRY, ...extra });
}

/** A fetch that adds the emulator's fault headers (x-emulator-fail, x-emulator-latency-ms, ...) to every request. */
export function withHeaders(headers: Record<string, string>): typeof fetch {
  return (input, init) => {
    const merged = new Headers(init?.headers);
    for (const [k, v] of Object.entries(headers)) merged.set(k, v);
    return fetch(input, { ...init, headers: merged });
  };
}

export async function failureOf(promise: Promise<unknown>): Promise<PixapiError> {
  const outcome = await promise.then(
    () => new Error("expected the call to fail, but it succeeded"),
    (e: unknown) => e,
  );
  if (!(outcome instanceof PixapiError)) throw outcome;
  return outcome;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until the task is terminal; returns every state seen, in order. */
export async function pollTask(client: PixapiClient, id: string, everyMs = 20): Promise<{ task: PixapiTask; seen: PixapiTask[] }> {
  const seen: PixapiTask[] = [];
  for (;;) {
    const task = await client.getTask(id);
    seen.push(task);
    if (task.status === "completed" || task.status === "failed") return { task, seen };
    await pause(everyMs);
  }
}

/** A real PNG the emulator's decoder accepts. */
export async function pngFile(name: string, color: { r: number; g: number; b: number }): Promise<File> {
  const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(bytes)], name, { type: "image/png" });
}

export const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

export function routeCount(stats: { routes: Record<string, number> }, label: string): number {
  return stats.routes[label] ?? 0;
}
