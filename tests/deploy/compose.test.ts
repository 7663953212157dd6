import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envSchema, parseEnv } from "@/lib/env";

/**
 * compose.yaml cannot be run here (no Docker), so it is read: every variable it sets for a
 * studio replica must be one lib/env.ts knows, and the whole set, with compose's
 * `${VAR:-default}` / `${VAR:?message}` filled in, must pass the studio's own validation in
 * production mode. A renamed or retyped setting then fails this test, not a deployment.
 */
const root = path.resolve(import.meta.dirname, "../..");
interface Service {
  build?: { context: string; target: string };
  image?: string;
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}
const compose = parse(readFileSync(path.join(root, "compose.yaml"), "utf8"), { merge: true }) as { services: Record<string, Service> };
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");

// Read by Next or by Node, not by lib/env.ts.
const RUNTIME_VARIABLES = new Set(["NEXT_MANUAL_SIG_HANDLE", "NEXT_TELEMETRY_DISABLED"]);

/** Compose interpolation: `${VAR:-default}` → default, `${VAR:?msg}`/`${VAR}` → a sample value. */
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::?([-?])([^}]*))?\}/g, (_, name: string, op?: string, rest?: string) => {
    if (op === "-") return rest ?? "";
    return `sample-${name.toLowerCase()}-0123456789abcdef`;
  });
}

const studios = Object.entries(compose.services).filter(([, s]) => s.build?.target === "runtime");

describe("compose.yaml", () => {
  it("runs two studio replicas of the runtime image behind a proxy, with PostgreSQL, Redis and MinIO", () => {
    expect(studios.map(([name]) => name).sort()).toEqual(["studio-1", "studio-2"]);
    for (const name of ["postgres", "redis", "minio", "proxy", "migrate", "bucket"]) expect(compose.services[name], name).toBeDefined();
    expect(compose.services.proxy?.ports).toEqual(["8080:80"]);
    for (const [, s] of studios) {
      expect(s.depends_on?.migrate?.condition).toBe("service_completed_successfully");
      expect(s.ports).toBeUndefined(); // only the proxy is published
    }
    expect(compose.services.migrate?.build?.target).toBe("migrate");
    for (const target of ["runtime", "migrate", "emulator"]) expect(dockerfile).toMatch(new RegExp(`^FROM .* AS ${target}$`, "m"));
  });

  it("sets only variables lib/env.ts knows, and they pass its validation in production", () => {
    const known = new Set(Object.keys(envSchema.shape));
    for (const [name, service] of studios) {
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v ?? ""))]));
      const unknown = Object.keys(env).filter((k) => !known.has(k) && !RUNTIME_VARIABLES.has(k));
      expect(unknown, `${name} sets variables lib/env.ts does not read`).toEqual([]);
      const parsed = parseEnv({ ...env, NODE_ENV: "production", PORT: "3000", DATA_DIR: "/data" });
      // The replicas really are wired to the shared services, not to per-container defaults.
      expect(parsed.DATABASE_URL).toMatch(/^postgresql:\/\/studio:.+@postgres:5432\/studio$/);
      expect(parsed.REDIS_URL).toBe("redis://redis:6379");
      expect(parsed.STORAGE_URL).toBe("s3://studio-media/media");
      expect(parsed.S3_ENDPOINT).toBe("http://minio:9000");
      expect(parsed.S3_FORCE_PATH_STYLE).toBe(true);
      expect(parsed.PIXAPI_KEY).toBeTruthy();
    }
  });

  it("gives both replicas the same secrets and settings", () => {
    const [first, second] = studios.map(([, s]) => s.environment);
    expect(first).toEqual(second);
  });

  it("sets in the image only variables that lib/env.ts or the runtime reads", () => {
    const known = new Set(Object.keys(envSchema.shape));
    const set = [...dockerfile.matchAll(/^ENV (.+(?:\\\n.+)*)$/gm)].flatMap((m) =>
      (m[1] ?? "")
        .replace(/\\\n/g, " ")
        .split(/\s+/)
        .filter((pair) => pair.includes("="))
        .map((pair) => pair.split("=")[0] as string),
    );
    expect(set.length).toBeGreaterThan(3);
    expect(set.filter((k) => !known.has(k) && !RUNTIME_VARIABLES.has(k))).toEqual([]);
  });
});
