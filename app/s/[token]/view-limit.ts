import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { enforceShareRateLimit } from "@/lib/rate-limit";

/**
 * Counts one view of a share page against the client's per-IP share limit (the same bucket
 * as its files and preview card: lib/rate-limit). Cached per request, so the metadata and
 * the page count one view, not two. Returns the refusal, if any, for the page to show.
 */
export const shareViewRefusal = cache(async (): Promise<AppError | null> => {
  try {
    await enforceShareRateLimit({ ip: clientIpFrom(await headers()) });
    return null;
  } catch (error) {
    if (error instanceof AppError && error.type === "rate_limit_error") return error;
    throw error;
  }
});
