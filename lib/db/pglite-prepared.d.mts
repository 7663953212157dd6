import type { PGlite, QueryOptions, Results, Transaction } from "@electric-sql/pglite";

/** Types for pglite-prepared.mjs (plain JavaScript: the worker thread runs without a TypeScript loader). */
export const MAX_STATEMENTS: number;
/** A comment that keeps a statement unprepared: planned for its values on every run. */
export const PLAN_PER_RUN: "/* plan-per-run */";

export interface PreparingClient {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec: PGlite["exec"];
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T>;
  readonly closed: boolean;
  /** Statements held now, parsed and run since the client was made, and runs sent unprepared (PLAN_PER_RUN). */
  stats(): { statements: number; parsed: number; runs: number; unprepared: number };
}

export function preparingClient(pglite: PGlite, options?: { maxStatements?: number }): PreparingClient;
