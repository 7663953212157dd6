// postinstall: generates the Prisma client into lib/db/generated (gitignored).
// Runs offline: the Prisma CLI tries to download a native schema engine before any schema
// command, but `generate` never uses it (the client generator is WASM). Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at a harmless executable skips that download.
// Uses the project's own CLI (node_modules/.bin/prisma), never npx, so nothing is fetched.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const schema = path.join(root, "prisma", "schema.prisma");

if (!existsSync(schema)) {
  console.log("[prisma-generate] no prisma/schema.prisma; nothing to generate.");
  process.exit(0);
}
if (!existsSync(cli)) {
  // A production install without devDependencies: the client must have been generated
  // at build time. Say so instead of failing the whole install.
  console.warn("[prisma-generate] prisma CLI not installed (devDependencies omitted?); skipping client generation.");
  process.exit(0);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || (process.platform === "win32" ? process.execPath : "/bin/false"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
// Run the CLI's JS entry with this Node (no shell, works on every platform).
const result = spawnSync(process.execPath, [cli, "generate", "--no-hints"], { cwd: root, env, stdio: "inherit" });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
