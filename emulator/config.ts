import path from "node:path";
import { z } from "zod";

/**
 * Everything the emulator can be told, from env (EMULATOR_*) or from startEmulator()
 * options (options win). Parsed once at start so a typo fails loudly instead of silently
 * running with a default.
 */
export interface EmulatorConfig {
  host: string;
  port: number;
  /** Multiplies every simulated duration; 0 = instant. */
  timeScale: number;
  /** Where generated media lives; `undefined` = a fresh temp dir removed on close. */
  filesDir: string | undefined;
  /** How long a file URL stays valid. */
  fileTtlSeconds: number;
  defaultBalance: number;
  /** Empty = any non-empty Bearer key is accepted. */
  keys: string[];
  control: boolean;
  /** Share (0..1) of /v1 requests that answer 500 regardless of content. */
  failRate: number;
  /** Share (0..1) of async tasks that end failed. */
  taskFailRate: number;
  /** Extra latency added to every /v1 request. */
  latencyMs: number;
  maxJsonBytes: number;
  maxUploadBytes: number;
  maxUploads: number;
  maxMultipartBytes: number;
  maxInputPixels: number;
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  /** Concurrent ffmpeg processes; video renders queue behind this. */
  videoConcurrency: number;
  /** Public origin used in file URLs; defaults to the listening address. */
  publicUrl: string | undefined;
}

export type EmulatorOptions = Partial<EmulatorConfig>;

const MiB = 1024 * 1024;

const bool = z
  .enum(["0", "1", "true", "false", "off", "on", "no", "yes"])
  .transform((v) => ["1", "true", "on", "yes"].includes(v));
const num = (min: number, max: number) => z.coerce.number().min(min).max(max);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  EMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  EMULATOR_PORT: int(0, 65535).default(4010),
  EMULATOR_TIME_SCALE: num(0, 1000).default(1),
  EMULATOR_FILES_DIR: z.string().min(1).optional(),
  EMULATOR_FILE_TTL_SECONDS: num(0.01, 30 * 24 * 3600).default(3600),
  EMULATOR_DEFAULT_BALANCE: num(0, 1e12).default(10_000),
  EMULATOR_KEYS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  EMULATOR_CONTROL: bool.default(true),
  EMULATOR_FAIL_RATE: num(0, 1).default(0),
  EMULATOR_TASK_FAIL_RATE: num(0, 1).default(0),
  EMULATOR_LATENCY_MS: int(0, 600_000).default(0),
  EMULATOR_MAX_JSON_BYTES: int(1024, 1024 * MiB).default(1 * MiB),
  EMULATOR_MAX_UPLOAD_BYTES: int(1024, 1024 * MiB).default(20 * MiB),
  EMULATOR_MAX_UPLOADS: int(1, 100).default(16),
  EMULATOR_MAX_MULTIPART_BYTES: int(1024, 4096 * MiB).default(64 * MiB),
  EMULATOR_MAX_INPUT_PIXELS: int(1, 1_000_000_000).default(50_000_000),
  EMULATOR_FETCH_TIMEOUT_MS: int(1, 600_000).default(10_000),
  EMULATOR_FETCH_MAX_BYTES: int(1024, 1024 * MiB).default(20 * MiB),
  EMULATOR_VIDEO_CONCURRENCY: int(1, 64).default(2),
  EMULATOR_PUBLIC_URL: z.url().optional(),
});

/** Reads EMULATOR_* from `env`, then lets `options` override field by field. */
export function loadConfig(options: EmulatorOptions = {}, env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid emulator environment: ${detail}`);
  }
  const e = parsed.data;
  const fromEnv: EmulatorConfig = {
    host: e.EMULATOR_HOST,
    port: e.EMULATOR_PORT,
    timeScale: e.EMULATOR_TIME_SCALE,
    filesDir: e.EMULATOR_FILES_DIR ? path.resolve(e.EMULATOR_FILES_DIR) : undefined,
    fileTtlSeconds: e.EMULATOR_FILE_TTL_SECONDS,
    defaultBalance: e.EMULATOR_DEFAULT_BALANCE,
    keys: e.EMULATOR_KEYS,
    control: e.EMULATOR_CONTROL,
    failRate: e.EMULATOR_FAIL_RATE,
    taskFailRate: e.EMULATOR_TASK_FAIL_RATE,
    latencyMs: e.EMULATOR_LATENCY_MS,
    maxJsonBytes: e.EMULATOR_MAX_JSON_BYTES,
    maxUploadBytes: e.EMULATOR_MAX_UPLOAD_BYTES,
    maxUploads: e.EMULATOR_MAX_UPLOADS,
    maxMultipartBytes: e.EMULATOR_MAX_MULTIPART_BYTES,
    maxInputPixels: e.EMULATOR_MAX_INPUT_PIXELS,
    fetchTimeoutMs: e.EMULATOR_FETCH_TIMEOUT_MS,
    fetchMaxBytes: e.EMULATOR_FETCH_MAX_BYTES,
    videoConcurrency: e.EMULATOR_VIDEO_CONCURRENCY,
    publicUrl: e.EMULATOR_PUBLIC_URL,
  };
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...fromEnv, ...defined };
}
