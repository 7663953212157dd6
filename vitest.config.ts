import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // "server-only" throws outside React Server Components; route handlers and lib are
      // tested directly in Node, where that guard has nothing to protect.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "data/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Starts the test PostgreSQL once per run (or uses TEST_POSTGRES_URL); see tests/support/db.ts.
    globalSetup: ["tests/support/global-setup.ts"],
  },
});
