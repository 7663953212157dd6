/**
 * What `npm run soak` does and with which settings. The full run is the target
 * (100 users for 60 s); --quick is for development.
 */
export interface SoakPlan {
  users: number;
  seconds: number;
  /** After the clock stops: how long submitted work may take to finish (completed or failed). */
  drainSeconds: number;
  /** When the studio is restarted (SIGTERM, then started again on the same data), from the start. */
  restartAtSeconds: number;
}

export const FULL: SoakPlan = { users: 100, seconds: 60, drainSeconds: 90, restartAtSeconds: 30 };
export const QUICK: SoakPlan = { users: 8, seconds: 15, drainSeconds: 60, restartAtSeconds: 7 };

/**
 * Studio settings: every limit at its default except the per-address sign-up/sign-in limits
 * (all simulated users come from 127.0.0.1); a budget large enough that nobody runs out, so
 * holds and settlements are exercised rather than refusals. PIXAPI_TIMEOUT_MS is short so a
 * hung upstream call (an injected "hang") ends within the drain period.
 */
export const STUDIO_ENV: Record<string, string> = {
  RATE_LIMIT_SIGNUPS_PER_HOUR: "100000",
  RATE_LIMIT_SIGNINS_PER_IP: "100000",
  DEFAULT_ALLOWANCE_CREDITS: "1000000",
  PIXAPI_TIMEOUT_MS: "10000",
  EMULATOR_TIME_SCALE: "0.25",
};

/**
 * The upstream's misbehaviour: about 10 % of all /v1 calls (submits, polls, downloads' API
 * calls) fail, split between 429s, 500/502/503s and hangs (answered never: the studio's
 * timeout ends them); a few async tasks fail upstream too. Probabilities apply per rule in
 * order, so the shares are of the requests earlier rules let through (close enough to 2 %).
 */
export const FAULT_RULES = [
  { action: "429", probability: 0.02, retry_after: 1 },
  { action: "500", probability: 0.02 },
  { action: "502", probability: 0.02 },
  { action: "503", probability: 0.02, retry_after: 1 },
  { action: "hang", probability: 0.02 },
  { action: "task_fail", probability: 0.05, message: "Injected by the soak" },
] as const;

/** What a user does next, by weight. */
export const ACTIONS = {
  image: 18,
  edit: 10,
  video: 7,
  poll: 30,
  gallery: 20,
  delete: 7,
  usage: 8,
} as const;
export type Action = keyof typeof ACTIONS;

/** Share of edits that upload a ~4 MB image (the rest upload a small one). */
export const BIG_UPLOAD_SHARE = 0.35;
