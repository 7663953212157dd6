"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import type { GenerationView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";
import type { ImageParams } from "@/lib/validation/generation";

export type GenerationSubmission = { kind: "image"; params: ImageParams } | { kind: "edit"; params: ImageParams; images: File[] };

/**
 * An identical submit this soon after the last one is the same click repeated (a double
 * click, or a second tap on a slow phone), not a request for more images.
 */
const REPEAT_WINDOW_MS = 2000;

interface Attempt {
  fingerprint: string;
  key: string;
  at: number;
  created: boolean;
}

function fingerprint(s: GenerationSubmission): string {
  const files = s.kind === "edit" ? s.images.map((f) => [f.name, f.size, f.type, f.lastModified]) : [];
  return JSON.stringify([s.kind, s.params, files]);
}

/** crypto.randomUUID needs a secure context; getRandomValues works on plain http too. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function requestInit(s: GenerationSubmission, key: string): RequestInit {
  if (s.kind === "image") {
    return {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({ kind: "image", ...s.params }),
    };
  }
  const form = new FormData();
  form.set("kind", "edit");
  for (const [name, value] of Object.entries(s.params)) form.set(name, String(value));
  // Order matters: the first image is the main one.
  for (const file of s.images) form.append("image", file, file.name);
  return { method: "POST", headers: { "idempotency-key": key }, body: form };
}

/**
 * Submits a generation without blocking the page. Each submit gets a fresh Idempotency-Key;
 * a retry of the same submit (after a failure, by React Query on a network error, or a
 * repeated click) reuses it, so the server returns the first generation instead of
 * starting a second one.
 */
export function useCreateGeneration({ onCreated }: { onCreated: (generation: GenerationView) => void }) {
  const queryClient = useQueryClient();
  const lastAttempt = useRef<Attempt | null>(null);
  const inFlight = useRef(false);

  const mutation = useMutation({
    mutationFn: ({ submission, key }: { submission: GenerationSubmission; key: string }) =>
      apiFetch<{ generation: GenerationView }>("/api/generations", requestInit(submission, key)).then((r) => r.generation),
    // Safe only because the key travels with the variables: a retry cannot double-create.
    retry: (count, error) => error instanceof AppError && error.type === "service_unavailable" && count < 2,
    onSuccess: (generation) => {
      queryClient.setQueryData(queryKeys.generations.detail(generation.id), generation);
      onCreated(generation);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.generations.lists() }),
        // A new generation holds credits until it settles.
        queryClient.invalidateQueries({ queryKey: queryKeys.usage.all() }),
      ]),
  });

  function submit(submission: GenerationSubmission, callbacks: { onError?: (error: Error) => void } = {}): void {
    if (inFlight.current) return;
    const print = fingerprint(submission);
    const now = Date.now();
    const prev = lastAttempt.current;
    const same = prev !== null && prev.fingerprint === print && (!prev.created || now - prev.at < REPEAT_WINDOW_MS);
    const attempt: Attempt = { fingerprint: print, key: same ? prev.key : newIdempotencyKey(), at: now, created: false };
    lastAttempt.current = attempt;
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
