/**
 * Test helper: a private Pixapi emulator per test file.
 *
 *   const emu = await startTestEmulator();            // instant (timeScale 0), random port
 *   afterAll(() => emu.close());
 *   fetch(`${emu.baseUrl}/images/generations`, { headers: { authorization: "Bearer test" }, ... })
 *   await emu.control.addFault({ match: { prompt_contains: "boom" }, action: "500", times: 1 });
 *
 * Stable API (other suites depend on it):
 *   startTestEmulator(opts?: EmulatorOptions) → Promise<TestEmulator>
 *     opts are startEmulator options (timeScale, defaultBalance, keys, fileTtlSeconds, ...);
 *     defaults here: port 0, host 127.0.0.1, timeScale 0, control on.
 *   TestEmulator.url       origin, e.g. http://127.0.0.1:41234 (files live under /files)
 *   TestEmulator.baseUrl   url + "/v1" — what PIXAPI_BASE_URL / the OpenAI SDK baseURL take
 *   TestEmulator.close()   stops it and deletes its temp files
 *   TestEmulator.control   the /_emulator API, typed:
 *     addFault(rule) → the stored rule with its id · clearFaults() · removeFault(id)
 *     setBalance(key, balance) · getBalance(key) → { balance, reserved, available }
 *     stats() → { routes: { "GET /v1/tasks/:id": n, ... }, tasks: { [id]: { polls } }, pollTimes: { [id]: [epoch ms, ...] } }
 *     reset() → tasks, faults, balances and stats back to a fresh start
 */
import http from "node:http";
import { startEmulator, type EmulatorOptions } from "../../emulator/server";
import type { FaultRule, FaultRuleInput } from "../../emulator/faults";
import type { AccountView } from "../../emulator/accounts";

export type { FaultRule, FaultRuleInput, AccountView, EmulatorOptions };

export interface EmulatorStats {
  routes: Record<string, number>;
  tasks: Record<string, { polls: number }>;
  /** When each poll of a task arrived (epoch ms, in order). */
  pollTimes: Record<string, number[]>;
}

export interface TestEmulator {
  url: string;
  baseUrl: string;
  filesDir: string;
  close(): Promise<void>;
  control: {
    addFault(rule: FaultRuleInput): Promise<FaultRule>;
    removeFault(id: string): Promise<void>;
    clearFaults(): Promise<void>;
    setBalance(key: string, balance: number): Promise<AccountView>;
    getBalance(key: string): Promise<AccountView>;
    stats(): Promise<EmulatorStats>;
    reset(): Promise<void>;
  };
}

function controlRequest(url: string, method: string, body: unknown): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers: payload === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(payload);
  });
}

export async function startTestEmulator(opts: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1", timeScale: 0, control: true, ...opts });

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    // Each control call gets a fresh connection: a kept-alive socket that the emulator closed
    // while a slow test step ran would reset the next request (ECONNRESET), and a POST
    // (add a fault) is not safe to send twice.
    const { status, text } = await controlRequest(`${emulator.url}/_emulator${path}`, method, body);
    if (status < 200 || status >= 300) throw new Error(`emulator control ${method} ${path} failed: ${status} ${text}`);
    return JSON.parse(text) as T;
  }

  return {
    url: emulator.url,
    baseUrl: `${emulator.url}/v1`,
    filesDir: emulator.filesDir,
    close: () => emulator.close(),
    control: {
      addFault: (rule) => call<FaultRule>("POST", "/faults", rule),
      removeFault: async (id) => void (await call("DELETE", `/faults/${encodeURIComponent(id)}`)),
      clearFaults: async () => void (await call("DELETE", "/faults")),
      setBalance: (key, balance) => call<AccountView>("PUT", `/accounts/${encodeURIComponent(key)}`, { balance }),
      getBalance: (key) => call<AccountView>("GET", `/accounts/${encodeURIComponent(key)}`),
      stats: () => call<EmulatorStats>("GET", "/stats"),
      reset: async () => void (await call("POST", "/reset")),
    },
  };
}
