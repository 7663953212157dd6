import "server-only";

/**
 * Work that must outlive the request that started it (an upstream call keeps running if
 * the browser disconnects). Promises are tracked so tests and graceful shutdown can wait
 * for them; a failure is logged, never thrown into nowhere.
 */
const running = new Set<Promise<void>>();

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
