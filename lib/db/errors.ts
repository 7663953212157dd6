import { Prisma } from "./generated/client";

/** P2002: a unique constraint rejected the write (same code on PGlite and PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** P2025: the row an update/delete needed does not exist (or failed its where clause). */
export function isNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
