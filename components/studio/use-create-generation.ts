"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import type { GenerationView } from "@/lib/generations/view";
import { queryKeys } from "@/lib/query-keys";
import { fingerprint, nextAttempt, requestInit, type Attempt, type GenerationSubmission, type SubmissionKind } from "./create-request";

type SubmissionOf<K extends SubmissionKind> = Omit<Extract<GenerationSubmission, { kind: K }>, "kind">;

/**
 * Starts a generation of `kind` (image, edit or video) without blocking the page. The
 * Idempotency-Key rules (nextAttempt) make a retry, a lost answer or a double click one
 * generation. Whatever the outcome, the lists and the usage figures (a new generation
 * holds credits) are refreshed.
 */
export function useCreateGeneration<K extends SubmissionKind>(kind: K, { onCreated }: { onCreated: (generation: GenerationView) => void }) {
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
        queryClient.invalidateQueries({ queryKey: queryKeys.usage.all() }),
      ]),
  });

  function submit(input: SubmissionOf<K>, callbacks: { onError?: (error: Error) => void } = {}): void {
    // A second click before the first answer is the same request, not another one.
    if (inFlight.current) return;
    const submission = { ...input, kind } as GenerationSubmission;
    const attempt = nextAttempt(lastAttempt.current, fingerprint(submission), Date.now());
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
