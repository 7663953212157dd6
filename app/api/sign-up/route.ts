import { publicRoute, json, unsupportedMethods } from "@/lib/http/route";
import { readJson } from "@/lib/http/json-body";
import { signUpSchema } from "@/lib/validation/auth";
import { hashPassword } from "@/lib/auth/password";
import { createUser, emailTaken } from "@/lib/db/queries/users";
import { clientIpFrom } from "@/lib/http/client-ip";
import { enforceSignUpLimit } from "@/lib/rate-limit/auth-limits";
import { AppError } from "@/lib/errors";

const TAKEN = "An account with this email already exists.";

/**
 * Creates an email + password account (an admin only if it is the very first account).
 * The browser then signs in through next-auth. Cheap checks first (body, per-address
 * limit, duplicate email), the capped scrypt last.
 */
export const POST = publicRoute(async ({ req }) => {
  const input = await readJson(req, signUpSchema);
  await enforceSignUpLimit({ ip: clientIpFrom(req.headers) });
  if (await emailTaken({ email: input.email })) throw new AppError("conflict_error", TAKEN, { fields: { email: TAKEN } });
  const user = await createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password), role: "auto" });
  return json({ user: { id: user.id, email: user.email, name: user.name } }, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("POST");
