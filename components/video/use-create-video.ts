"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import type { GenerationView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";
import type { VideoRequest } from "@/lib/validation/generation";

export interface VideoSubmission {
  params: VideoRequest;
  /** The optional start image (image-to-video). */
  image: File | null;
}

function fingerprint({ params, image }: VideoSubmission): string {
  return JSON.stringify([params, image ? [image.name, image.size, image.type, image.lastModified] : null]);
}

/** crypto.randomUUID needs a secure context; getRandomValues works on plain http too. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** JSON for a text prompt; multipart when there is a start image, which the API takes as one `image` field. */
function requestInit({ params, image }: VideoSubmission, key: string): RequestInit {
  if (!image) {
    return { method: "POST", headers: { "content-type": "application/json", "idempotency-key": key }, body: JSON.stringify(params) };
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(params)) form.set(name, String(value));
  form.set("image", image, image.name);
  return { method: "POST", headers: { "idempotency-key": key }, body: form };
}

/**
 * Starts a video without waiting for it. A submit that failed (or whose answer was lost)
 * and is sent again unchanged reuses its Idempotency-Key, so the server hands back the
 * video it may already have started instead of charging for a second one. Once a submit
 * succeeded, the same form sent again is a new take and gets a new key.
 */
export function useCreateVideo({ onCreated }: { onCreated: (generation: GenerationView) => void }) {
  const queryClient = useQueryClient();
  const last = useRef<{ print: string; key: string; created: boolean } | null>(null);
  const inFlight = useRef(false);

  const mutation = useMutation({
    mutationFn: ({ submission, key }: { submission: VideoSubmission; key: string }) =>
      apiFetch<{ generation: GenerationView }>("/api/generations", requestInit(submission, key)).then((r) => r.generation),
    // Safe only because the key travels with the variables.
    retry: (count, error) => error instanceof AppError && error.type === "service_unavailable" && count < 2,
    onSuccess: (generation) => {
      queryClient.setQueryData(queryKeys.generations.detail(generation.id), generation);
      onCreated(generation);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists() }),
  });

  function submit(submission: VideoSubmission, callbacks: { onError?: (error: Error) => void } = {}): void {
    // A second click before the first answer is the same request, not another video.
    if (inFlight.current) return;
    const print = fingerprint(submission);
    const prev = last.current;
    const attempt = { print, key: prev && prev.print === print && !prev.created ? prev.key : newKey(), created: false };
    last.current = attempt;
    inFlight.current = true;
    mutation.mutate(
      { submission, key: attempt.key },
      {
        onSuccess: () => {
          attempt.created = true;
        },
        onError: callbacks.onError,
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  }

  return { submit, isPending: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
