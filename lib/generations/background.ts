import "server-only";

/**
 * Work that must outlive the request that started it (an upstream call keeps running if
 * the browser disconnects). Promises are tracked so tests and graceful shutdown can wait
 * for them; a failure is logged, never thrown into nowhere.
 */
// On globalThis: graceful shutdown (instrumentation.ts, its own module graph) must see the
// jobs route handlers started.
const holder = globalThis as typeof globalThis & { __pixapiStudioBackground?: Set<Promise<void>> };
const running = (holder.__pixapiStudioBackground ??= new Set<Promise<void>>());

export function runInBackground(label: string, work: () => Promise<void>): void {
  const p = (async () => {
    try {
      await work();
    } catch (error) {
      console.error(`[studio] background ${label} failed:`, error);
    }
  })();
  running.add(p);
  void p.finally(() => running.delete(p));
}

/** Resolves once every background job started so far (and any they start) has finished. */
export async function drainBackground(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}

/** Like drainBackground, but gives up at `deadline` (epoch ms); true when all finished. */
export async function drainBackgroundUntil(deadline: number): Promise<boolean> {
  while (running.size > 0) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all([...running]), new Promise((r) => (timer = setTimeout(r, left)))]);
    clearTimeout(timer);
  }
  return true;
}
