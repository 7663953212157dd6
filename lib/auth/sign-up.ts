import "server-only";
import { createUser, emailTaken } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { enforceSignUpLimit } from "@/lib/rate-limit/auth-limits";
import type { SignUpInput } from "@/lib/validation/auth";
import { hashPassword } from "./password";

const TAKEN = "An account with this email already exists.";

/**
 * Creates an email + password account (an admin only if it is the very first account).
 * Cheap checks first (per-address limit, duplicate email), the capped scrypt last.
 */
export async function signUp({ input, ip }: { input: SignUpInput; ip: string }): Promise<{ id: string; email: string; name: string | null }> {
  await enforceSignUpLimit({ ip });
  if (await emailTaken({ email: input.email })) throw new AppError("conflict_error", TAKEN, { fields: { email: TAKEN } });
  const user = await createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password), role: "auto" });
  return { id: user.id, email: user.email, name: user.name };
}
