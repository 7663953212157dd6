import "server-only";
import type { SpendCheck } from "@/lib/db/queries/generations";
import { sumUsage, getUserAllowance } from "@/lib/db/queries/usage";
import { toMilli } from "@/lib/catalog";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatCredits, milliToCredits, periodNoun } from "./format";
import { formatResetDate, periodAt, type Period } from "./period";

/**
 * Per-user budgets. Every user may spend an allowance per period (UTC calendar month by
 * default, ALLOWANCE_PERIOD): their own (users.allowance_milli, set by an admin) or the
 * default (DEFAULT_ALLOWANCE_CREDITS; "unlimited" switches the default off). Spend in a
 * period is the settled plus the held amount of ledger rows created in it, so credits on
 * hold for running generations are already out of the budget.
 */
export interface Budget {
  period: Period;
  /** Null: unlimited. */
  allowanceMilli: number | null;
  settledMilli: number;
  heldMilli: number;
  /** Null when unlimited; never below 0. */
  remainingMilli: number | null;
  /** Whether the allowance is the user's own (set by an admin) rather than the default. */
  custom: boolean;
}

export function effectiveAllowanceMilli(override: number | null): number | null {
  if (override !== null) return override;
  const fallback = env().DEFAULT_ALLOWANCE_CREDITS;
  return fallback === null ? null : toMilli(fallback);
}

export function currentPeriod(now: Date = new Date()): Period {
  return periodAt(env().ALLOWANCE_PERIOD, now);
}

function remaining(allowanceMilli: number | null, spentMilli: number): number | null {
  return allowanceMilli === null ? null : Math.max(0, allowanceMilli - spentMilli);
}

export async function getBudget({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<Budget> {
  const period = currentPeriod(now);
  const [override, totals] = await Promise.all([getUserAllowance({ userId }), sumUsage({ userId, since: period.start, until: period.end })]);
  const allowanceMilli = effectiveAllowanceMilli(override);
  return {
    period,
    allowanceMilli,
    ...totals,
    remainingMilli: remaining(allowanceMilli, totals.settledMilli + totals.heldMilli),
    custom: override !== null,
  };
}

/**
 * The refusal for a spend that does not fit. 429 (as for any quota over a period of time)
 * with Retry-After at the period's end, when waiting can help at all.
 */
export function quotaExceeded(input: { allowanceMilli: number; spentMilli: number; estimateMilli: number; period: Period; now: Date }): AppError {
  const need = formatCredits(milliToCredits(input.estimateMilli));
  const resets = formatResetDate(input.period.end);
  if (input.estimateMilli > input.allowanceMilli) {
    return new AppError(
      "quota_exceeded",
      `This needs ${need}, more than your whole allowance of ${formatCredits(milliToCredits(input.allowanceMilli))} per ${input.period.kind}. Ask an administrator to raise it, or choose fewer or smaller outputs.`,
    );
  }
  const left = formatCredits(milliToCredits(Math.max(0, input.allowanceMilli - input.spentMilli)));
  return new AppError(
    "quota_exceeded",
    `This needs ${need}, but you have ${left} left ${periodNoun(input.period.kind)}. Your allowance resets on ${resets} (UTC).`,
    { retryAfter: Math.max(1, Math.ceil((input.period.end.getTime() - input.now.getTime()) / 1000)) },
  );
}

/**
 * The race-safe check's inputs: the write that holds the credits checks them in SQL against
 * the user's locked row (createGenerationWithHold), so concurrent submits of one user are
 * checked one after the other.
 */
export function spendCheck(now: Date = new Date()): SpendCheck {
  const period = currentPeriod(now);
  const fallback = env().DEFAULT_ALLOWANCE_CREDITS;
  return { periodStart: period.start, periodEnd: period.end, defaultAllowanceMilli: fallback === null ? null : toMilli(fallback) };
}

/** The answer when that write refused: the user is disabled, or the spend did not fit (numbers read again for the message). */
export async function spendRefusal({ userId, estimateMilli, refused, now = new Date() }: { userId: string; estimateMilli: number; refused: "disabled" | "budget"; now?: Date }): Promise<AppError> {
  if (refused === "disabled") return new AppError("authentication_error", "Sign in to continue.");
  const budget = await getBudget({ userId, now });
  const allowanceMilli = budget.allowanceMilli ?? 0;
  return quotaExceeded({ allowanceMilli, spentMilli: budget.settledMilli + budget.heldMilli, estimateMilli, period: budget.period, now });
}

/** A cheap early check before any work (uploads, thumbnails); the guard above is the real one. */
export async function assertBudgetFits({ userId, estimateMilli, now = new Date() }: { userId: string; estimateMilli: number; now?: Date }): Promise<void> {
  const budget = await getBudget({ userId, now });
  if (budget.allowanceMilli === null) return;
  const spentMilli = budget.settledMilli + budget.heldMilli;
  if (spentMilli + estimateMilli > budget.allowanceMilli) {
    throw quotaExceeded({ allowanceMilli: budget.allowanceMilli, spentMilli, estimateMilli, period: budget.period, now });
  }
}
