import { isDriverAdapterError } from "@prisma/driver-adapter-utils";
import { Prisma } from "./generated/client";

/**
 * A unique constraint rejected the write (same on PGlite and PostgreSQL): P2002 from a
 * model query; from a raw query (P2010) or a direct one the driver adapter's error kind says it.
 */
export function isUniqueViolation(error: unknown): boolean {
  // A statement sent past Prisma (lib/db/client.ts queryDirect) fails with the adapter's own
  // error; told by its shape, not its class: each adapter package may carry its own copy.
  if (error instanceof Error && isDriverAdapterError(error)) return isUniqueCause(error.cause);
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  return isUniqueCause((error.meta as { driverAdapterError?: { cause?: unknown } } | undefined)?.driverAdapterError?.cause);
}

function isUniqueCause(cause: unknown): boolean {
  const c = cause as { kind?: unknown; originalCode?: unknown } | undefined;
  return c?.kind === "UniqueConstraintViolation" || c?.originalCode === "23505";
}

/** P2025: the row an update/delete needed does not exist (or failed its where clause). */
export function isNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

/**
 * The database is too busy right now, not the request wrong: P2024 (no pool connection in
 * time), P2028 (an interactive transaction could not start in time or outlived its timeout;
 * it was rolled back), P2034 (write conflict or deadlock, rolled back). The soak test on
 * PostgreSQL met P2028 under 100 users; the route wrapper answers these 503 + Retry-After.
 */
const BUSY_CODES = new Set(["P2024", "P2028", "P2034"]);
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && BUSY_CODES.has(error.code);
}
