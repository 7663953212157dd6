import "server-only";
import { getGenerationForUser } from "@/lib/db/queries/generation-reads";
import { AppError } from "@/lib/errors";
import { generationToView } from "@/lib/generations/to-view";
import { isTerminal, type GenerationView } from "@/lib/generations/view";
import { taskIdOf } from "./serialize";

/** Longest a sync /v1 call waits; the generation carries on (and lands in the gallery) after. */
export const SYNC_WAIT_MS = 10 * 60_000;

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Waits for a generation to finish, for the OpenAI-style sync endpoints. It reads the
 * database rather than listening in-process: the upstream call or the tracker that
 * finishes it may run on another instance. Polls start fast (small images take a second
 * or two) and slow down to once a second.
 */
export async function waitForGeneration({ id, userId, signal, timeoutMs = SYNC_WAIT_MS }: { id: string; userId: string; signal?: AbortSignal; timeoutMs?: number }): Promise<GenerationView> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 50; ; delay = Math.min(1000, Math.round(delay * 1.5))) {
    const row = await getGenerationForUser({ id, userId });
    if (!row) throw new AppError("not_found_error", "The generation was deleted before it finished.");
    const view = generationToView(row);
    if (isTerminal(view.status)) return view;
    if (signal?.aborted) throw new AppError("invalid_request_error", "The request was cancelled.");
    if (Date.now() >= deadline) {
      throw new AppError("upstream_timeout", `The generation is taking too long for a sync call; it continues as task ${taskIdOf(id)} and will appear in your gallery.`);
    }
    await pause(delay, signal);
  }
}
