/** One hit against a fixed-window counter, wherever the counters live. */
export interface RateLimitResult {
  allowed: boolean;
  /** Hits left in the current window after this one. */
  remaining: number;
  /** 0 when allowed; else whole seconds until the window resets (at least 1). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  readonly name: "database" | "redis" | "memory";
  hit(input: { key: string; limit: number; windowMs: number }): Promise<RateLimitResult>;
  /** Forgets a key (e.g. an account's failed sign-ins after a success). */
  reset?(key: string): Promise<void>;
}
