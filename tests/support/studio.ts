/**
 * Route-handler test harness: points the studio at a private emulator, a temp media dir
 * and fixed secrets, and signs requests in with a real next-auth session cookie (a JWT
 * encoded with the same secret the handlers verify), so handlers run exactly as in
 * production, minus the HTTP server.
 *
 *   const studio = await startStudioHarness();          // in beforeAll, inside forEachDatabase
 *   const user = await studio.createUser();
 *   const res = await POST(studio.request(user, "/api/generations", { method: "POST", json: {...} }), ctx());
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { resetEnvCache } from "@/lib/env";
import { resetMediaStore } from "@/lib/storage";
import { resetModelCache } from "@/lib/generations/models";
import { createUser, type PublicUser } from "@/lib/db/queries/users";
import { startTestEmulator, type TestEmulator } from "./emulator";

const SECRET = "test-nextauth-secret-with-enough-entropy-0123456789";

export interface StudioHarness {
  emulator: TestEmulator;
  dataDir: string;
  apiKey: string;
  createUser(): Promise<PublicUser>;
  request(user: PublicUser | null, pathname: string, init?: { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> }): Promise<Request>;
  /** Every file under the media dir, relative to it. */
  mediaFiles(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startStudioHarness(options: { emulatorOptions?: Parameters<typeof startTestEmulator>[0]; env?: Record<string, string> } = {}): Promise<StudioHarness> {
  const emulator = await startTestEmulator(options.emulatorOptions);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "studio-test-"));
  const apiKey = `sk_test_${randomUUID().slice(0, 8)}`;
  Object.assign(process.env, {
    PIXAPI_BASE_URL: emulator.url,
    PIXAPI_KEY: apiKey,
    PIXAPI_TIMEOUT_MS: "10000",
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: "http://localhost:3999",
    MEDIA_URL_SECRET: "test-media-url-secret-0123456789abcdef",
    PUBLIC_URL: "http://localhost:3999",
    DATA_DIR: dataDir,
    TRACKER_POLL_MS: "100",
    // Budgets and rate limits off unless a suite is about them (it passes its own env).
    DEFAULT_ALLOWANCE_CREDITS: "unlimited",
    RATE_LIMIT_SUBMITS_PER_MINUTE: "0",
    RATE_LIMIT_READS_PER_MINUTE: "0",
    RATE_LIMIT_SHARES_PER_MINUTE: "0",
    ...options.env,
  });
  resetEnvCache();
  resetMediaStore();
  resetModelCache();

  return {
    emulator,
    dataDir,
    apiKey,
    createUser: () => createUser({ email: `u-${randomUUID()}@example.com`, passwordHash: null }),
    async request(user, pathname, init = {}) {
      const headers = new Headers(init.headers);
      if (user) {
        const token = await encode({ token: { uid: user.id, email: user.email, sub: user.id }, secret: SECRET });
        headers.set("cookie", `next-auth.session-token=${token}`);
      }
      let body = init.body;
      if (init.json !== undefined) {
        headers.set("content-type", "application/json");
        body = JSON.stringify(init.json);
      }
      return new Request(`http://localhost:3999${pathname}`, { method: init.method ?? "GET", headers, body });
    },
    async mediaFiles() {
      const root = path.join(dataDir, "media");
      try {
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
      } catch {
        return [];
      }
    },
    async close() {
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TwoUserStudio {
  studio: StudioHarness;
  alice: PublicUser;
  bob: PublicUser;
}

/**
 * The usual route-suite setup: a harness and two users, one to act and one to be refused.
 *   let studio: StudioHarness, alice: PublicUser, bob: PublicUser;
 *   beforeAll(async () => ({ studio, alice, bob } = await startStudioWithTwoUsers()));
 */
export async function startStudioWithTwoUsers(options: Parameters<typeof startStudioHarness>[0] = {}): Promise<TwoUserStudio> {
  const studio = await startStudioHarness(options);
  return { studio, alice: await studio.createUser(), bob: await studio.createUser() };
}

/** Next's second handler argument. */
export function ctx<P extends Record<string, string>>(params: P = {} as P): { params: Promise<P> } {
  return { params: Promise.resolve(params) };
}

/** A multipart request body the way a browser sends it (with Content-Length). */
export async function multipart(fields: Record<string, string>, files: { name: string; filename: string; type: string; bytes: Uint8Array }[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.name, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.filename);
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  return { body, headers: { "content-type": encoded.headers.get("content-type") ?? "", "content-length": String(body.length) } };
}
