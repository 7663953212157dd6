import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CSP, commonSecurityHeaders } from "./lib/security/headers";

/**
 * API answers (/api, /v1) get their security headers here, as static headers the router
 * adds, instead of from proxy.ts: a proxy pass (a NextRequest, an abort signal, the proxy
 * bundle) on every status poll was a measurable part of a read's CPU (README "What one read
 * costs"). No HSTS on them: it is host-wide, and every page answer carries it under https.
 */
const API_HEADERS = Object.entries({ "content-security-policy": API_CSP, ...commonSecurityHeaders({ https: false }) }).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time;
  // bundling it breaks that lookup (requests fail looking for pglite.data).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "sharp", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  // Every build also writes .next/standalone (server code plus only the node_modules files it
  // needs): the Docker image runs it, and `npm run test:cluster` runs the very same build
  // (through scripts/serve.mjs) that `npm start` and Playwright build, so nothing builds twice.
  output: "standalone",
  // Started by path at run time, so the tracer cannot see them: the server's PGlite thread and the module it imports.
  outputFileTracingIncludes: { "/**": ["./lib/db/pglite-worker.mjs", "./lib/db/pglite-prepared.mjs"] },
  // Lets two studios built from one checkout (e.g. e2e runs side by side) keep separate builds.
  distDir: process.env.STUDIO_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tests included) with tsc; repeating it in
  // every `npm start` build would add time and fail starts on a test-only type error.
  typescript: { ignoreBuildErrors: true },
  headers: async () => ["/api/:path*", "/v1", "/v1/:path*"].map((source) => ({ source, headers: API_HEADERS })),
};

// next-intl finds its per-request configuration in i18n/request.ts (no i18n routing: no locale in URLs).
export default createNextIntlPlugin()(nextConfig);
