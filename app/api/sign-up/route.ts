import { publicRoute, json, unsupportedMethods } from "@/lib/http/route";
import { readJson } from "@/lib/http/json-body";
import { signUpSchema } from "@/lib/validation/auth";
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/db/queries/users";
import { hitRateLimit } from "@/lib/db/queries/rate-limit";
import { clientIpFrom } from "@/lib/http/client-ip";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

/**
 * Creates an email + password account (an admin if it is the first one or in ADMIN_EMAILS).
 * The browser then signs in through next-auth.
 */
export const POST = publicRoute(async ({ req }) => {
  const input = await readJson(req, signUpSchema);
  const perHour = env().RATE_LIMIT_SIGNUPS_PER_HOUR;
  const limit = perHour > 0 ? await hitRateLimit({ key: `signup:ip:${clientIpFrom(req.headers)}`, limit: perHour, windowMs: 60 * 60_000 }) : null;
  if (limit && !limit.allowed) {
    throw new AppError("rate_limit_error", "Too many accounts created from this network. Try again later.", {
      retryAfter: limit.retryAfterSeconds,
    });
  }
  const user = await createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password), role: "auto" });
  return json({ user: { id: user.id, email: user.email, name: user.name } }, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("POST");
