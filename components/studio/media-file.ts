"use client";

import { useQueries } from "@tanstack/react-query";
import { extensionForType } from "@/lib/catalog";
import { AppError, isErrorEnvelope } from "@/lib/errors";
import { queryKeys } from "@/lib/query-keys";


/** One of the user's media items as a File, so it can go back in as an input. */
export async function fetchMediaFile(mediaId: string, signal?: AbortSignal): Promise<File> {
  let res: Response;
  try {
    res = await fetch(`/api/media/${encodeURIComponent(mediaId)}`, { signal });
  } catch (cause) {
    throw new AppError("service_unavailable", "Can't reach the studio. Check your connection and try again.", { cause });
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => undefined);
    const message = isErrorEnvelope(body) ? body.error.message : `The studio answered ${res.status}.`;
    throw new AppError(res.status === 404 ? "not_found_error" : "server_error", message, { status: res.status });
  }
  const blob = await res.blob();
  const ext = extensionForType(blob.type) ?? "png";
  return new File([blob], `pixapi-${mediaId.slice(-8)}.${ext}`, { type: blob.type || "image/png" });
}

/** Several media items as Files (cached for the session: a media item never changes). */
export function useMediaFiles(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.media.file(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchMediaFile(id, signal),
      staleTime: Infinity,
    })),
  });
}
