import "server-only";
import { z } from "zod";
import { createApiTokenCapped, listApiTokens, revokeApiToken, type ApiTokenRow } from "@/lib/db/queries/api-tokens";
import { AppError } from "@/lib/errors";
import { safeText } from "@/lib/validation/safe-text";
import { generateToken } from "./token";
import { EXPIRY_DAYS_MAX, MAX_TOKENS_PER_USER, TOKEN_NAME_MAX, type ApiTokenView } from "./view";

export { MAX_TOKENS_PER_USER, type ApiTokenView } from "./view";

export const createTokenSchema = z.object({
  // Names show in the list and the gallery: the shared safe-text rules (one line, no controls).
  name: safeText({ min: 1, max: TOKEN_NAME_MAX, required: "Give the token a name.", tooLong: `Keep the name under ${TOKEN_NAME_MAX} characters.` }),
  expiresInDays: z
    .number({ error: "expiresInDays must be a whole number of days." })
    .int("expiresInDays must be a whole number of days.")
    .min(1, "A token lasts at least 1 day.")
    .max(EXPIRY_DAYS_MAX, `A token lasts at most ${EXPIRY_DAYS_MAX} days.`)
    .nullish(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

/** What the tokens page sees: never the hash; the token itself only once (at creation). */
export function tokenToView(row: ApiTokenRow, now = new Date()): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt <= now,
  };
}

export async function listTokens({ userId }: { userId: string }): Promise<ApiTokenView[]> {
  const now = new Date();
  return (await listApiTokens({ userId })).map((row) => tokenToView(row, now));
}

export async function createToken({ userId, input, now = new Date() }: { userId: string; input: CreateTokenInput; now?: Date }): Promise<ApiTokenView & { token: string }> {
  const { token, tokenHash, prefix } = generateToken();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const row = await createApiTokenCapped({ userId, name: input.name, tokenHash, prefix, expiresAt, max: MAX_TOKENS_PER_USER });
  if (!row) {
    throw new AppError("conflict_error", `You already have ${MAX_TOKENS_PER_USER} API tokens. Revoke one you no longer use first.`);
  }
  return { ...tokenToView(row, now), token };
}

export async function revokeToken({ userId, id }: { userId: string; id: string }): Promise<void> {
  // Another user's token and an unknown id look the same: 404.
  if (!(await revokeApiToken({ id, userId }))) throw new AppError("not_found_error", "No such API token.");
}
