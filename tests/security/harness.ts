/**
 * The security suite's harness: a data-driven corpus of bad requests, one table per route
 * file (tests/security/corpus/<route>.ts), each run against the real handler on both
 * databases and checked for
 *   - the expected 4xx status (never a 5xx),
 *   - the error envelope { error: { code, message, type } } with a matching code,
 *   - nothing written: every application table (rate-limit counters aside) fingerprints
 *     the same before and after, and no file appeared or vanished under the media dir.
 *
 * Adding a route: write corpus/<route>.ts exporting a RouteTable (the route module, the
 * path template, the cases), list it in corpus/index.ts, done. Unsupported methods (405)
 * and the session cases (anonymous, forged and garbage cookies, a disabled user) are
 * generated for every table; write only what is specific to your route.
 */
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { expect } from "vitest";
import { createUser, type PublicUser } from "@/lib/db/queries/users";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { StudioHarness } from "../support/studio";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = (req: Request, ctx: RouteContext) => Promise<Response>;
/** A route module as imported: `import * as route from "@/app/api/…/route"`. */
export type RouteModule = Partial<Record<HttpMethod, unknown>> & Record<string, unknown>;

/**
 * Who sends the request:
 *   alice, bob        ordinary users; alice owns the fixtures' generation and media
 *   admin             an administrator
 *   disabled          a user an admin disabled (valid cookie, account off)
 *   anonymous         no cookie
 *   forged            alice's claims in a JWT encrypted with another secret
 *   garbage           a session cookie that is not a JWT at all
 *   ghost             a valid JWT for a user id that does not exist
 */
export type Actor = "alice" | "bob" | "admin" | "disabled" | "anonymous" | "forged" | "garbage" | "ghost";

/** Rows and ids the cases can point at (alice's things are other users' data for bob). */
export interface Fixtures {
  users: Record<"alice" | "bob" | "admin" | "disabled", PublicUser>;
  /** Alice's completed image generation and its first output media. */
  aliceGeneration: string;
  aliceMedia: string;
  /** An input (uploaded) media of alice's, the kind the signed public URL serves. */
  aliceInputMedia: string | null;
  /** Personal API tokens (/v1): live ones of alice and bob, one revoked and one expired of alice's. */
  tokens: { alice: string; aliceId: string; bob: string; revoked: string; expired: string };
  /** One of alice's collections, holding aliceGeneration. */
  aliceCollection: string;
  /** The live share-link token of aliceGeneration (/s/<token>). */
  aliceShareToken: string;
}

export interface SecurityCase {
  name: string;
  method: HttpMethod;
  as?: Actor;
  /** Overrides the table's path (query strings go here). A function gets the fixtures. */
  path?: string | ((f: Fixtures) => string);
  /** Overrides the params the table derives from the path. */
  params?: Record<string, string> | ((f: Fixtures) => Record<string, string>);
  json?: unknown;
  /** A raw body (sent as is, with `headers`); a function may also return headers of its own (multipart). */
  body?: BodyInit | ((f: Fixtures) => BodyInit | Promise<BodyInit | BuiltBody>);
  /** A function gets the fixtures (e.g. for an API token). */
  headers?: Record<string, string> | ((f: Fixtures) => Record<string, string>);
  status: number;
  /** The envelope's type, when it matters (e.g. "not_found_error"). */
  type?: string;
}

export interface BuiltBody {
  body: BodyInit;
  headers: Record<string, string>;
}

export interface RouteTable {
  /** The route file, e.g. "app/api/generations/[id]/route.ts" (for messages). */
  file: string;
  route: RouteModule;
  /** Path template, params in brackets: "/api/generations/[id]". */
  path: string;
  /** Default params for the template (cases can override). */
  params?: (f: Fixtures) => Record<string, string>;
  /** Actor used by the generated cases that need a valid session (default alice). */
  sessionActor?: Actor;
  /** Public routes get no session cases. */
  public?: boolean;
  cases: SecurityCase[];
}

const OTHER_SECRET = "an-attackers-own-secret-that-is-long-enough-0123456789";

export async function sessionCookie(actor: Actor, f: Fixtures, secret: string): Promise<string | null> {
  switch (actor) {
    case "anonymous":
      return null;
    case "garbage":
      return "next-auth.session-token=eyJhbGciOiJub25lIn0.eyJ1aWQiOiJ4In0.";
    case "forged": {
      const u = f.users.alice;
      return `next-auth.session-token=${await encode({ token: { uid: u.id, email: u.email, sub: u.id }, secret: OTHER_SECRET })}`;
    }
    case "ghost":
      return `next-auth.session-token=${await encode({ token: { uid: "c" + randomUUID().replaceAll("-", ""), sub: "ghost" }, secret })}`;
    default: {
      const u = f.users[actor];
      return `next-auth.session-token=${await encode({ token: { uid: u.id, email: u.email, sub: u.id }, secret })}`;
    }
  }
}

export async function createFixtureUsers(): Promise<Fixtures["users"]> {
  const make = (role: "user" | "admin") => createUser({ email: `sec-${randomUUID()}@example.com`, passwordHash: null, role });
  return { alice: await make("user"), bob: await make("user"), admin: await make("admin"), disabled: await make("user") };
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
}

/** The cases every table gets for free: 405s, and (authed routes) the session cases. */
export function generatedCases(table: RouteTable): SecurityCase[] {
  const out: SecurityCase[] = [];
  const implemented = HTTP_METHODS.filter((m) => isImplemented(table.route, m));
  for (const method of HTTP_METHODS) {
    if (!implemented.includes(method)) out.push({ name: `${method} is not supported`, method, as: table.sessionActor ?? "alice", status: 405 });
  }
  if (!table.public) {
    for (const method of implemented) {
      for (const as of ["anonymous", "forged", "garbage", "ghost", "disabled"] as const) {
        out.push({ name: `${method} as ${as} is refused`, method, as, status: 401, type: "authentication_error", ...sessionCaseBody(method) });
      }
    }
  }
  return out;
}

/** Session cases of write methods carry a plausible body, so only the session can stop them. */
function sessionCaseBody(method: HttpMethod): Partial<SecurityCase> {
  return method === "GET" || method === "DELETE" ? {} : { json: {} };
}

/** A handler that only answers 405 (lib/http/route.ts unsupportedMethods) does not count as implemented. */
function isImplemented(route: RouteModule, method: HttpMethod): boolean {
  const handler = route[method];
  return typeof handler === "function" && !(handler as { methodNotAllowed?: boolean }).methodNotAllowed;
}

export interface RunContext {
  studio: StudioHarness;
  prisma: PrismaClient;
  fixtures: Fixtures;
  secret: string;
}

function isBuiltBody(value: unknown): value is BuiltBody {
  return typeof value === "object" && value !== null && "body" in value && "headers" in value && !(value instanceof ReadableStream);
}

export async function buildRequest(table: RouteTable, c: SecurityCase, run: RunContext): Promise<{ req: Request; params: Record<string, string> }> {
  const f = run.fixtures;
  const params = typeof c.params === "function" ? c.params(f) : (c.params ?? table.params?.(f) ?? {});
  const path = typeof c.path === "function" ? c.path(f) : (c.path ?? fillPath(table.path, params));
  const headers = new Headers(typeof c.headers === "function" ? c.headers(f) : c.headers);
  const cookie = await sessionCookie(c.as ?? table.sessionActor ?? "alice", f, run.secret);
  if (cookie && !headers.has("cookie")) headers.set("cookie", cookie);
  let body: BodyInit | undefined;
  if (c.json !== undefined) {
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    body = JSON.stringify(c.json);
  } else if (c.body !== undefined) {
    const built = typeof c.body === "function" ? await c.body(f) : c.body;
    if (isBuiltBody(built)) {
      for (const [k, v] of Object.entries(built.headers)) headers.set(k, v);
      body = built.body;
    } else {
      body = built;
    }
  }
  const init: RequestInit & { duplex?: "half" } = { method: c.method, headers, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  return { req: new Request(`http://localhost:3999${path}`, init), params };
}

/**
 * What "nothing was written" means: an md5 over every row of every application table
 * (rate-limit counters aside: refusing a request may count it) and the list of media files.
 */
export async function fingerprint(run: RunContext): Promise<{ tables: Record<string, string>; files: string[] }> {
  const tables = await run.prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'rate_limit_buckets')
    ORDER BY tablename`;
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const rows = await run.prisma.$queryRawUnsafe<{ digest: string | null }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${tablename}" t`,
    );
    out[tablename] = rows[0]?.digest ?? "";
  }
  return { tables: out, files: (await run.studio.mediaFiles()).sort() };
}

export async function runCase(table: RouteTable, c: SecurityCase, run: RunContext): Promise<void> {
  const label = `${table.file} ${c.method} ${c.name}`;
  const handler = table.route[c.method];
  const before = await fingerprint(run);
  const { req, params } = await buildRequest(table, c, run);
  let res: Response;
  if (typeof handler === "function") {
    res = await (handler as RouteHandler)(req, { params: Promise.resolve(params) });
  } else {
    // What Next answers itself for a method the module does not export: a bare 405.
    // Every API route exports methodNotAllowed for these instead (the tests below catch a miss).
    throw new Error(`${label}: ${table.file} exports no ${c.method}; export it from unsupportedMethods() (lib/http/route.ts)`);
  }
  const text = await res.text();
  expect(res.status, `${label}: status (body ${text.slice(0, 200)})`).toBe(c.status);
  expect(res.status, `${label}: must be a 4xx`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${label}: must be a 4xx`).toBeLessThan(500);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${label}: body is not JSON: ${text.slice(0, 200)}`);
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; type?: unknown } }).error;
  expect(error, `${label}: envelope`).toBeDefined();
  expect(error?.code, `${label}: envelope code`).toBe(c.status);
  expect(typeof error?.message, `${label}: envelope message`).toBe("string");
  expect(typeof error?.type, `${label}: envelope type`).toBe("string");
  if (c.type) expect(error?.type, `${label}: envelope type`).toBe(c.type);
  expect(res.headers.get("content-type"), `${label}: content type`).toContain("application/json");
  const after = await fingerprint(run);
  expect(after, `${label}: nothing may be written`).toEqual(before);
}
