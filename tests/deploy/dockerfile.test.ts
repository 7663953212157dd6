import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * The Docker image cannot be built here (no Docker), so its runtime stage is read: it must
 * serve the standalone output through scripts/serve.mjs, because Next's generated server.js
 * cannot tell the app the TCP peer address and per-IP limits would then see only what a
 * client claims in X-Forwarded-For. `npm run test:cluster` runs this same layout (the
 * standalone tree copied out, static assets beside it, serve.mjs under scripts/) for real.
 */
const root = path.resolve(import.meta.dirname, "../..");
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");

/** The instructions of one stage: from its FROM line to the next FROM, line continuations joined. */
function stage(name: string): string[] {
  const lines = dockerfile.replace(/\\\n\s*/g, " ").split("\n");
  const start = lines.findIndex((l) => new RegExp(`^FROM .* AS ${name}$`).test(l));
  expect(start, `stage ${name}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("FROM "));
  return lines.slice(start, end < 0 ? undefined : end).filter((l) => l.trim() && !l.startsWith("#"));
}

function copies(lines: string[]): Array<{ from: string; to: string }> {
  return lines
    .filter((l) => l.startsWith("COPY --from=build"))
    .map((l) => {
      const args = l.split(/\s+/).filter((a) => !a.startsWith("--") && a !== "COPY");
      return { from: args[0]!, to: args[1]! };
    });
}

describe("Dockerfile runtime stage", () => {
  const runtime = stage("runtime");

  it("serves the standalone output through scripts/serve.mjs, not Next's server.js", () => {
    const cmd = runtime.filter((l) => l.startsWith("CMD "));
    expect(cmd).toHaveLength(1);
    expect(JSON.parse(cmd[0]!.slice(4))).toEqual(["node", "scripts/serve.mjs"]);
  });

  it("lays the files out the way serve.mjs expects: the app root is the parent of scripts/", () => {
    expect(runtime).toContain("WORKDIR /app");
    expect(copies(runtime)).toEqual([
      { from: "/app/.next/standalone", to: "./" },
      { from: "/app/.next/static", to: "./.next/static" },
      { from: "/app/scripts/serve.mjs", to: "./scripts/serve.mjs" },
    ]);
    // serve.mjs resolves the app root from its own location, one directory up.
    expect(readFileSync(path.join(root, "scripts", "serve.mjs"), "utf8")).toContain('path.resolve(import.meta.dirname, "..")');
  });

  it("runs as the non-root user, and compose starts replicas with the image's own command", () => {
    expect(runtime.filter((l) => l.startsWith("USER ")).at(-1)).toBe("USER node");
    const compose = parse(readFileSync(path.join(root, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<string, { build?: { target: string }; command?: unknown; entrypoint?: unknown; environment?: Record<string, string> }>;
    };
    const studios = Object.values(compose.services).filter((s) => s.build?.target === "runtime");
    expect(studios).toHaveLength(2);
    for (const s of studios) {
      expect(s.command).toBeUndefined();
      expect(s.entrypoint).toBeUndefined();
      // Behind the compose network's proxy: its X-Forwarded-For is believed, a visitor's own is not.
      expect(s.environment?.TRUSTED_PROXIES).toBe("private");
    }
  });
});
