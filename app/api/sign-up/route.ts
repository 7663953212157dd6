import { publicRoute, json, unsupportedMethods } from "@/lib/http/route";
import { readJson } from "@/lib/http/json-body";
import { signUpSchema } from "@/lib/validation/auth";
import { signUp } from "@/lib/auth/sign-up";
import { clientIpFrom } from "@/lib/http/client-ip";

/**
 * Creates an email + password account; the browser then signs in through next-auth.
 * The body is checked first, then lib/auth/sign-up.ts does the rest.
 */
export const POST = publicRoute(async ({ req }) => {
  const input = await readJson(req, signUpSchema);
  const user = await signUp({ input, ip: clientIpFrom(req.headers) });
  return json({ user }, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("POST");
