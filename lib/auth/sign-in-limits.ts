import "server-only";
import { hitRateLimit, resetRateLimit } from "@/lib/db/queries/rate-limit";
import { env } from "@/lib/env";

/**
 * Failed sign-ins are throttled per account (stops guessing one password) and per IP
 * (stops spraying many accounts). Every attempt counts; a success clears the account's
 * counter, so in practice only failures accumulate there.
 */
export const SIGN_IN_LIMITS = {
  perAccount: { limit: 8, windowMs: 15 * 60_000 },
  /** RATE_LIMIT_SIGNINS_PER_IP (default 40): one office behind one address may need more. */
  get perIp() {
    return { limit: env().RATE_LIMIT_SIGNINS_PER_IP, windowMs: 15 * 60_000 };
  },
};

export class TooManySignInsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    this.name = "TooManySignInsError";
  }
}

export async function countSignInAttempt({ email, ip }: { email: string; ip: string }): Promise<void> {
  const [byAccount, byIp] = await Promise.all([
    hitRateLimit({ key: `signin:acct:${email}`, ...SIGN_IN_LIMITS.perAccount }),
    hitRateLimit({ key: `signin:ip:${ip}`, ...SIGN_IN_LIMITS.perIp }),
  ]);
  if (!byAccount.allowed || !byIp.allowed) {
    throw new TooManySignInsError(Math.max(byAccount.retryAfterSeconds, byIp.retryAfterSeconds));
  }
}

export async function clearSignInAttempts({ email }: { email: string }): Promise<void> {
  await resetRateLimit({ key: `signin:acct:${email}` });
}
