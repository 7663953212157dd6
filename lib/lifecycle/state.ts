import "server-only";

/**
 * Process-wide lifecycle state. Kept on globalThis because Next bundles instrumentation.ts
 * (which handles SIGTERM) and the route handlers (which serve requests) as separate module
 * graphs: a module-level variable would exist twice and the two halves would not see each
 * other.
 */
interface LifecycleState {
  draining: boolean;
  inFlight: number;
  idleWaiters: Set<() => void>;
}

const holder = globalThis as typeof globalThis & { __pixapiStudioLifecycle?: LifecycleState };

function state(): LifecycleState {
  holder.__pixapiStudioLifecycle ??= { draining: false, inFlight: 0, idleWaiters: new Set() };
  return holder.__pixapiStudioLifecycle;
}

/** True once shutdown has begun: no new requests, no new tracker work. */
export function isDraining(): boolean {
  return state().draining;
}

export function startDraining(): void {
  state().draining = true;
}

/** Counts a request while it runs, so shutdown can wait for it. */
export async function trackRequest<T>(work: () => Promise<T>): Promise<T> {
  const s = state();
  s.inFlight += 1;
  try {
    return await work();
  } finally {
    s.inFlight -= 1;
    if (s.inFlight === 0) for (const wake of [...s.idleWaiters]) wake();
  }
}

export function requestsInFlight(): number {
  return state().inFlight;
}

/** Resolves true once no request is running, or false at the deadline. */
export function waitForNoRequests(deadline: number): Promise<boolean> {
  const s = state();
  if (s.inFlight === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (idle: boolean) => {
      clearTimeout(timer);
      s.idleWaiters.delete(wake);
      resolve(idle);
    };
    const wake = () => done(true);
    const timer = setTimeout(() => done(false), Math.max(0, deadline - Date.now()));
    s.idleWaiters.add(wake);
  });
}

/** Tests: back to a fresh, serving process. */
export function resetLifecycleForTests(): void {
  holder.__pixapiStudioLifecycle = undefined;
}
