import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";
import { ApiError, insufficientCredits, invalidRequest, rateLimited, serverError } from "./errors";

/**
 * Injected failures, from three sources checked in this order:
 *   1. request headers (`x-emulator-fail`, ...) — for tests that call the emulator directly;
 *   2. rules posted to POST /_emulator/faults — for browser tests, where the studio makes
 *      the upstream call and the test can't add headers; `prompt_contains` lets parallel
 *      tests each fault only their own requests;
 *   3. env-wide rates (EMULATOR_FAIL_RATE, EMULATOR_LATENCY_MS).
 * Rules with a `probability` affect only that share of the requests they match
 * (`npm run soak` injects 10 % of 429s, 5xx and hangs that way).
 * Latency from every source adds up; the first failing source wins.
 */

export const FAULT_ACTIONS = ["429", "500", "502", "503", "hang", "task_fail", "insufficient_credits", "latency"] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

export const faultRuleSchema = z.object({
  match: z
    .object({
      route: z.string().min(1).optional(),
      prompt_contains: z.string().min(1).optional(),
      key: z.string().min(1).optional(),
    })
    .default({}),
  action: z.enum(FAULT_ACTIONS),
  times: z.number().int().positive().optional(),
  /** Chance (0 < p <= 1, default 1) that a matching request is affected; misses neither count as hits nor use up `times`. */
  probability: z.number().gt(0).max(1).optional(),
  latency_ms: z.number().int().min(0).max(600_000).optional(),
  message: z.string().min(1).max(2000).optional(),
  retry_after: z.number().min(0).max(86_400).optional(),
});
/** What a caller posts (`match` may be left out)… */
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
/** …and what is stored after parsing. */
export type FaultRuleSpec = z.infer<typeof faultRuleSchema>;

export interface FaultRule extends FaultRuleSpec {
  id: string;
  /** How many requests this rule has acted on. */
  hits: number;
}

export interface FaultRequest {
  /** e.g. "POST /v1/images/generations" */
  label: string;
  path: string;
  key: string | undefined;
  /** The request's prompt (or, for task polls, the task's prompt). */
  prompt: string | undefined;
  headers: IncomingHttpHeaders;
  /** Async submissions are the only place a `task_fail` can take effect. */
  asyncSubmit: boolean;
}

export type FaultOutcome =
  | { kind: "error"; error: ApiError }
  | { kind: "hang" }
  | { kind: "task_fail"; message: string | undefined };

export interface FaultDecision {
  latencyMs: number;
  outcome: FaultOutcome | undefined;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function outcomeFor(action: Exclude<FaultAction, "latency">, message: string | undefined, retryAfter: number | undefined): FaultOutcome {
  switch (action) {
    case "429":
      return { kind: "error", error: rateLimited(message ?? "Rate limit reached for requests; please retry later.", retryAfter ?? 1) };
    case "500":
      return { kind: "error", error: serverError(500, message ?? "The server had an error while processing your request.") };
    case "502":
      return { kind: "error", error: serverError(502, message ?? "Bad gateway: the model provider returned an invalid response.") };
    case "503": {
      const error = serverError(503, message ?? "The service is temporarily overloaded; please retry later.");
      return { kind: "error", error: retryAfter === undefined ? error : new ApiError(503, "server_error", error.message, { "retry-after": String(Math.ceil(retryAfter)) }) };
    }
    case "insufficient_credits":
      return { kind: "error", error: insufficientCredits(message ?? "Insufficient credits for this request.") };
    case "hang":
      return { kind: "hang" };
    case "task_fail":
      return { kind: "task_fail", message };
  }
}

const HEADER_ACTIONS: Record<string, Exclude<FaultAction, "latency">> = {
  "429": "429",
  "500": "500",
  "502": "502",
  "503": "503",
  "402": "insufficient_credits",
  insufficient_credits: "insufficient_credits",
  hang: "hang",
  task: "task_fail",
  task_fail: "task_fail",
};

export class Faults {
  private rules: FaultRule[] = [];
  private seq = 0;

  /** `random` is Math.random unless a test needs the dice to be known. */
  constructor(
    private readonly env: { failRate: number; latencyMs: number },
    private readonly random: () => number = Math.random,
  ) {}

  add(input: FaultRuleSpec): FaultRule {
    const rule: FaultRule = { ...input, id: `fault_${++this.seq}`, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): number {
    const count = this.rules.length;
    this.rules = [];
    return count;
  }

  /** Routes a rule may name: the label, its path pattern, or the literal path. */
  private routeMatches(rule: FaultRule, req: FaultRequest): boolean {
    const route = rule.match.route;
    if (route === undefined) return req.path.startsWith("/v1/");
    return route === req.label || route === req.label.slice(req.label.indexOf(" ") + 1) || route === req.path;
  }

  private ruleApplies(rule: FaultRule, req: FaultRequest): boolean {
    if (rule.action === "task_fail" && !req.asyncSubmit) return false;
    if (!this.routeMatches(rule, req)) return false;
    if (rule.match.key !== undefined && rule.match.key !== req.key) return false;
    if (rule.match.prompt_contains !== undefined && !(req.prompt ?? "").includes(rule.match.prompt_contains)) return false;
    return true;
  }

  /** The rule's dice: thrown only for a request the rule matches, and only for a rule with a probability. */
  private fires(rule: FaultRule): boolean {
    return rule.probability === undefined || rule.probability >= 1 || this.random() < rule.probability;
  }

  private consume(rule: FaultRule): void {
    rule.hits++;
    if (rule.times !== undefined && --rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
  }

  decide(req: FaultRequest): FaultDecision {
    let latencyMs = 0;
    let outcome: FaultOutcome | undefined;

    const h = (name: string) => header(req.headers, name);
    const headerLatency = h("x-emulator-latency-ms");
    if (headerLatency !== undefined) {
      const ms = Number(headerLatency);
      if (!Number.isFinite(ms) || ms < 0 || ms > 600_000) throw invalidRequest("'x-emulator-latency-ms' must be 0..600000");
      latencyMs += ms;
    }
    const headerFail = h("x-emulator-fail");
    if (headerFail !== undefined) {
      const action = HEADER_ACTIONS[headerFail.trim().toLowerCase()];
      if (!action) throw invalidRequest(`'x-emulator-fail' must be one of ${Object.keys(HEADER_ACTIONS).join(", ")}`);
      const retry = h("x-emulator-retry-after");
      if (action !== "task_fail" || req.asyncSubmit) {
        outcome = outcomeFor(action, h("x-emulator-fail-message"), retry === undefined ? undefined : Number(retry) || 0);
      }
    }

    for (const rule of [...this.rules]) {
      if (!this.ruleApplies(rule, req)) continue;
      if (rule.action === "latency") {
        if (!this.fires(rule)) continue;
        latencyMs += rule.latency_ms ?? 1000;
        this.consume(rule);
      } else if (!outcome) {
        if (!this.fires(rule)) continue;
        outcome = outcomeFor(rule.action, rule.message, rule.retry_after);
        latencyMs += rule.latency_ms ?? 0;
        this.consume(rule);
      }
    }

    if (req.path.startsWith("/v1/")) {
      latencyMs += this.env.latencyMs;
      if (!outcome && this.env.failRate > 0 && Math.random() < this.env.failRate) {
        outcome = outcomeFor("500", undefined, undefined);
      }
    }
    return { latencyMs, outcome };
  }
}
