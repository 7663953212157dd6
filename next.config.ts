import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time;
  // bundling it breaks that lookup (requests fail looking for pglite.data).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "sharp", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  // The studio's own build output lives apart from dev output so `npm start` can tell if a build is current.
  distDir: ".next",
};

export default nextConfig;
