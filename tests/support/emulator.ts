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

export async function startTestEmulator(opts: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1", timeScale: 0, control: true, ...opts });

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const send = () =>
      fetch(`${emulator.url}/_emulator${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // A kept-alive socket the emulator closed while a slow test step ran resets the next
    // request (ECONNRESET); a read is safe to send again.
    const response = await send().catch((error: unknown) => (method === "GET" ? send() : Promise.reject(error)));
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${method} ${path} failed: ${response.status} ${text}`);
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
