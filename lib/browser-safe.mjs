/**
 * The lib/ modules that client code (anything under components/, and every "use client"
 * file) may import: pure data, types and browser-side helpers, nothing that reaches the
 * database, the file system, the upstream or a secret. Everything else in lib/ is
 * server-only (most of it says so with `import "server-only"`).
 *
 * Enforced twice: ESLint (no-restricted-imports in eslint.config.mjs) flags a bad import
 * as it is typed, and tests/architecture/client-imports.test.ts follows every import from
 * every client file, transitively, and fails on anything server-only it reaches.
 * Add a module here only if it, and everything it imports, is safe in a browser.
 */
export const BROWSER_SAFE_LIB = [
  "api-fetch", // the browser's fetcher for the studio API
  "catalog", // models, sizes, prices, file types (lib/catalog)
  "errors", // AppError and the error envelope
  "format", // numbers, credits, dates, durations
  "i18n/locales", // the studio's languages and how a request picks one (pure functions)
  "i18n/known-messages", // which English server/validation sentence a message is (pure)
  "generations/view", // the API's shapes for generations and media
  "http/zod-fields", // zod issues to { field: message }
  "query-client", // the one React Query client factory
  "query-keys", // React Query keys
  "usage/format", // usage wording
  "usage/views", // the usage API's shapes
  "validation", // zod schemas shared by forms and routes
  "auth/callback-url", // where to go after sign-in (checked the same on both sides)
  "api-tokens/view", // personal API token shapes and limits (types and constants only)
  "collections/view", // the collections API's shape (types only)
  "shares/view", // share link shapes and the preview card size (types and constants only)
];

/** Packages that only work on the server (or must never ship to a browser). */
export const SERVER_PACKAGES = ["server-only", "node:*", "sharp", "pg", "@prisma/*", "@electric-sql/*", "ioredis", "busboy", "archiver", "@aws-sdk/*", "next-auth/next"];
