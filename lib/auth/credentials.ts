import "server-only";
import { getUserForSignIn } from "@/lib/db/queries/users";
import { signInSchema } from "@/lib/validation/auth";
import { clientIpFrom } from "@/lib/http/client-ip";
import { clearSignInAttempts, countSignInAttempt } from "@/lib/rate-limit/auth-limits";
import { HashingBusyError } from "./hash-slots";
import { dummyPasswordHash, verifyPassword } from "./password";

export const INVALID_CREDENTIALS = "Incorrect email or password.";
export const ACCOUNT_DISABLED = "This account has been disabled. Contact the studio administrator.";

/**
 * The email + password check behind next-auth's Credentials provider. Throws an Error
 * whose message next-auth hands to the sign-in form; returns the user on success.
 * Order matters for cost: parse, then the limits, and only then the (capped) scrypt.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  headers: Headers | Record<string, unknown>,
): Promise<{ id: string; email: string; name: string | null }> {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
  const { email, password } = parsed.data;
  const ip = clientIpFrom(headers);
  await countSignInAttempt({ email, ip });
  const user = await getUserForSignIn({ email });
  let ok: boolean;
  try {
    // Verify against a dummy hash for unknown emails so timing does not reveal accounts.
    ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  } catch (error) {
    if (error instanceof HashingBusyError) throw new Error(error.message);
    throw error;
  }
  if (!user || !user.passwordHash || !ok) throw new Error(INVALID_CREDENTIALS);
  if (user.disabled) throw new Error(ACCOUNT_DISABLED);
  await clearSignInAttempts({ email, ip });
  return { id: user.id, email: user.email, name: user.name ?? null };
}
