import "server-only";
import { getPrisma } from "../client";
import { Prisma } from "../generated/client";

/**
 * The only door to personal API tokens. Reads are scoped by user; the hash is never
 * selected for a listing, and the lookup by hash returns only what authentication needs.
 */
export const apiTokenSelect = {
  id: true,
  name: true,
  prefix: true,
  expiresAt: true,
  lastUsedAt: true,
  createdAt: true,
} satisfies Prisma.ApiTokenSelect;

export type ApiTokenRow = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>;

/** Tokens that still count against the per-user cap and appear in the list: not revoked. */
const live = { revokedAt: null } satisfies Prisma.ApiTokenWhereInput;

export async function listApiTokens({ userId }: { userId: string }): Promise<ApiTokenRow[]> {
  return getPrisma().apiToken.findMany({ where: { userId, ...live }, select: apiTokenSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/**
 * Writes a token unless the user already has `max` live ones. The user's row is locked
 * first, so two concurrent creations cannot both squeeze under the cap.
 */
export async function createApiTokenCapped(input: {
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  expiresAt: Date | null;
  max: number;
}): Promise<ApiTokenRow | null> {
  return getPrisma().$transaction(async (tx) => {
    await tx.$queryRaw(Prisma.sql`SELECT id FROM users WHERE id = ${input.userId} FOR UPDATE`);
    const count = await tx.apiToken.count({ where: { userId: input.userId, ...live } });
    if (count >= input.max) return null;
    return tx.apiToken.create({
      data: { userId: input.userId, name: input.name, tokenHash: input.tokenHash, prefix: input.prefix, expiresAt: input.expiresAt },
      select: apiTokenSelect,
    });
  });
}

/** Revokes one of the user's live tokens; false when there is none with that id. */
export async function revokeApiToken({ id, userId, now = new Date() }: { id: string; userId: string; now?: Date }): Promise<boolean> {
  const { count } = await getPrisma().apiToken.updateMany({ where: { id, userId, ...live }, data: { revokedAt: now } });
  return count === 1;
}

export interface TokenForAuth {
  id: string;
  name: string;
  userId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export async function findApiTokenByHash({ tokenHash }: { tokenHash: string }): Promise<TokenForAuth | null> {
  return getPrisma().apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, name: true, userId: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
}

/** Records use at most once per `everyMs`, so a busy script does not write on every call. */
export async function touchApiToken({ id, now = new Date(), everyMs = 60_000 }: { id: string; now?: Date; everyMs?: number }): Promise<void> {
  await getPrisma().apiToken.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - everyMs) } }] },
    data: { lastUsedAt: now },
  });
}
