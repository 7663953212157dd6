/**
 * Personal API tokens in route tests: created through the real POST /api/tokens handler
 * (with the user's session), then used as a Bearer token on /v1 requests.
 */
import { POST as CREATE_TOKEN } from "@/app/api/tokens/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { pollDueTasks } from "@/lib/generations/tracker";
import { ctx, type StudioHarness } from "./studio";

export interface CreatedToken {
  id: string;
  name: string;
  token: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
}

export async function createApiToken(studio: StudioHarness, user: PublicUser, body: { name: string; expiresInDays?: number } = { name: "script" }): Promise<CreatedToken> {
  const res = await CREATE_TOKEN(await studio.request(user, "/api/tokens", { method: "POST", json: body }), ctx());
  if (res.status !== 201) throw new Error(`token creation failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedToken;
}

/** A /v1 request as a script sends it: the token in Authorization, no cookie. */
export function v1Request(token: string | null, pathname: string, init: { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  return new Request(`http://localhost:3999${pathname}`, { method: init.method ?? "GET", headers, body });
}

/**
 * The backend tracker, pumped in the background the way startTracker() runs it in the
 * server, but stoppable (a suite's database closes when it ends).
 */
export function startTrackerPump(everyMs = 50): () => Promise<void> {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const loop = async () => {
    while (!stopped) {
      current = pollDueTasks().catch(() => 0);
      await current;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  };
  const running = loop();
  return async () => {
    stopped = true;
    await running;
  };
}
