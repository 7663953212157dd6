import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time;
  // bundling it breaks that lookup (requests fail looking for pglite.data).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "sharp", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  // The Docker image (Dockerfile) runs the minimal standalone server; `npm start` keeps `next start`.
  ...(process.env.STUDIO_STANDALONE === "1" ? { output: "standalone" as const } : {}),
  // Lets two studios built from one checkout (e.g. e2e runs side by side) keep separate builds.
  distDir: process.env.STUDIO_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tests included) with tsc; repeating it in
  // every `npm start` build would add time and fail starts on a test-only type error.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
