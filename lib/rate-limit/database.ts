import "server-only";
import { hitRateLimit } from "@/lib/db/queries/rate-limit";
import type { RateLimiter } from "./types";

/** Counters in the studio's own database: one atomic upsert per hit, shared by every instance. */
export const databaseRateLimiter: RateLimiter = {
  name: "database",
  hit: ({ key, limit, windowMs }) => hitRateLimit({ key, limit, windowMs }),
};
