import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time;
  // bundling it breaks that lookup (requests fail looking for pglite.data).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "sharp", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  // Every build also writes .next/standalone (server code plus only the node_modules files it
  // needs): the Docker image runs it, and `npm run test:cluster` runs the very same build
  // (through scripts/serve.mjs) that `npm start` and Playwright build, so nothing builds twice.
  output: "standalone",
  // Lets two studios built from one checkout (e.g. e2e runs side by side) keep separate builds.
  distDir: process.env.STUDIO_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tests included) with tsc; repeating it in
  // every `npm start` build would add time and fail starts on a test-only type error.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
