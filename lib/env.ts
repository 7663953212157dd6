import { z } from "zod";
import { trustedProxyProblem } from "./http/trusted-proxies";

/**
 * The one place that reads process.env. Parsed lazily (first call), because `next build`
 * imports route modules while collecting page data and must not need runtime secrets.
 */
const boolish = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const urlString = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s]+$/.test(v), `${name} must be an http(s) URL, e.g. http://localhost:3000`);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where the embedded database, media files and demo secrets live. */
  DATA_DIR: z.string().trim().min(1).default("./data"),
  /**
   * Where the embedded PGlite runs in the server: "worker" (default) in its own thread, so
   * queries do not compete with request handling; "main" in the server's thread (lib/db/pglite-worker.mjs).
   */
  PGLITE_THREAD: z.enum(["worker", "main"]).default("worker"),
  /** PostgreSQL connection string. Unset: the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//.test(v), "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  PIXAPI_BASE_URL: urlString("PIXAPI_BASE_URL").default("https://api.pixapi.ai"),
  PIXAPI_KEY: optionalString,
  /** Set by `npm start` when it runs the local emulator; shows the demo badge. */
  PIXAPI_DEMO: boolish.default(false),
  PIXAPI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(120_000),
  NEXTAUTH_SECRET: optionalString,
  /** Signs time-limited media URLs handed to Pixapi (input_image). Generated in demo mode. */
  MEDIA_URL_SECRET: optionalString,
  NEXTAUTH_URL: optionalString.pipe(urlString("NEXTAUTH_URL").optional()),
  /** Public origin Pixapi can reach us at (signed input_image URLs). Defaults to NEXTAUTH_URL or localhost. */
  PUBLIC_URL: optionalString.pipe(urlString("PUBLIC_URL").optional()),
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Base interval of the backend task tracker's polls (backs off from here). */
  TRACKER_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /**
   * Lease an instance holds on a generation while it runs or polls it, renewed every third
   * of it while the work goes on; another instance takes over (or fails an interrupted
   * call) only once it has expired.
   */
  TRACKER_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(60_000),
  /**
   * Background runs of new generations (upstream call, download, thumbnail, settle) at once
   * per instance; more wait in memory, their rows already queued in the database.
   */
  GENERATION_RUNS_AT_ONCE: z.coerce.number().int().min(1).max(64).default(4),
  /** An async task still unfinished after this long is given up as failed. */
  TRACKER_MAX_AGE_MINUTES: z.coerce.number().min(1).max(24 * 60).default(60),
  EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  /**
   * Credits each user may spend per period unless an admin sets their own allowance.
   * A number (0 = nothing without a per-user allowance) or "unlimited". Default 500.
   */
  DEFAULT_ALLOWANCE_CREDITS: z
    .string()
    .trim()
    .default("500")
    .transform((v, ctx) => {
      if (v === "" || v.toLowerCase() === "unlimited") return null;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 1_000_000) {
        ctx.addIssue({ code: "custom", message: 'DEFAULT_ALLOWANCE_CREDITS must be a number of credits (0-1000000) or "unlimited"' });
        return z.NEVER;
      }
      return n;
    }),
  /** The budget period, in UTC: calendar month (default), ISO week (from Monday) or day. */
  ALLOWANCE_PERIOD: z.enum(["month", "week", "day"]).default("month"),
  /** Per-user generation submissions per minute (0 = no limit). */
  RATE_LIMIT_SUBMITS_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(10),
  /** Per-user status reads (generation list and detail) per minute (0 = no limit). */
  RATE_LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  /** Requests per client IP per minute to public share links (/s/…: page, files, preview card together; 0 = no limit). */
  RATE_LIMIT_SHARES_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** New accounts per client IP per hour through the sign-up form (0 = no limit). */
  RATE_LIMIT_SIGNUPS_PER_HOUR: z.coerce.number().int().min(0).max(1_000_000).default(20),
  /** Sign-in attempts per client IP per 15 minutes (successful ones count too). */
  RATE_LIMIT_SIGNINS_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(40),
  /**
   * Proxies in front of the studio whose X-Forwarded-For entries are believed: IPs, CIDR
   * ranges, or loopback / private / linklocal. Default none: the TCP peer is the client.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const entries = v
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean);
      for (const entry of entries) {
        const problem = trustedProxyProblem(entry);
        if (problem) ctx.addIssue({ code: "custom", message: `TRUSTED_PROXIES: ${problem}` });
      }
      return entries;
    }),
  /** Set by scripts/serve.mjs (npm start) for the x-studio-peer header; never set it yourself. */
  STUDIO_PEER_TOKEN: optionalString,
  /** Redis for rate-limit counters (redis:// or rediss://). Unset: counters live in the database. */
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .refine((v) => /^rediss?:\/\//.test(v), "REDIS_URL must start with redis:// or rediss://")
      .optional(),
  ),
  /**
   * Where media files live: unset = `${DATA_DIR}/media` on the local disk; `s3://bucket/prefix`
   * = an S3-compatible bucket (S3_* below). lib/storage reads this; nothing else does.
   */
  STORAGE_URL: optionalString.pipe(
    z
      .string()
      .refine((v) => /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[A-Za-z0-9._\/-]*)?$/.test(v), "STORAGE_URL must look like s3://bucket or s3://bucket/prefix")
      .optional(),
  ),
  /** S3 API endpoint (MinIO, R2, …). Unset: AWS for S3_REGION. */
  S3_ENDPOINT: optionalString.pipe(urlString("S3_ENDPOINT").optional()),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  /** Path-style URLs (endpoint/bucket/key): what MinIO and most self-hosted servers need. */
  S3_FORCE_PATH_STYLE: boolish.default(false),
  /**
   * How /api/media/<id> hands out bytes once it has checked the owner: "stream" them through
   * the studio (default), or "presigned": a 302 to a short-lived signed URL of the bucket.
   */
  MEDIA_REDIRECT: z.enum(["stream", "presigned"]).default("stream"),
  /** On SIGTERM, how long running requests and tracker polls get to finish before the process exits. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Objects with no media row, older than this, are removed by the orphan sweep. */
  MEDIA_ORPHAN_GRACE_MINUTES: z.coerce.number().min(1).max(7 * 24 * 60).default(60),
});

export type Env = z.infer<typeof envSchema>;

export const MIN_SECRET_BYTES = 32;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
    throw new EnvError(
      "NEXTAUTH_SECRET is required in production. Generate one with `openssl rand -base64 32` and set it in the environment.",
    );
  }
  if (env.NODE_ENV === "production") {
    // A short secret can be brute-forced offline from one session cookie or signed URL.
    for (const name of ["NEXTAUTH_SECRET", "MEDIA_URL_SECRET"] as const) {
      const value = env[name];
      if (value !== undefined && Buffer.byteLength(value) < MIN_SECRET_BYTES) {
        throw new EnvError(`${name} must be at least ${MIN_SECRET_BYTES} bytes in production. Generate one with \`openssl rand -base64 32\`.`);
      }
    }
  }
  if (env.STORAGE_URL && Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new EnvError("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the default AWS credential chain.");
  }
  if (env.MEDIA_REDIRECT === "presigned" && !env.STORAGE_URL) {
    throw new EnvError("MEDIA_REDIRECT=presigned needs object storage (STORAGE_URL=s3://…); the local media directory has no URLs to sign.");
  }
  return env;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; they call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}
