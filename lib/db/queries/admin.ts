import "server-only";
import { getPrisma } from "../client";
import { Prisma, type UserRole } from "../generated/client";
import { isNotFound } from "../errors";

/**
 * Admin-only reads and writes of user accounts. Callers check the admin role first
 * (authedRoute's adminOnly); these functions trust that they may see every user.
 */
const adminUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  allowanceMilli: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export interface AdminUserRow {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  disabled: boolean;
  allowanceMilli: number | null;
  createdAt: Date;
  settledMilli: number;
  heldMilli: number;
}

/** Every account, oldest first, with its held and settled spend in [since, until). */
export async function listUsersWithSpend({ since, until, limit = 1000 }: { since: Date; until: Date; limit?: number }): Promise<AdminUserRow[]> {
  const prisma = getPrisma();
  const [users, sums] = await Promise.all([
    prisma.user.findMany({ select: adminUserSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit }),
    prisma.usageEntry.groupBy({
      by: ["userId", "status"],
      where: { createdAt: { gte: since, lt: until }, status: { in: ["held", "settled"] } },
      _sum: { amountMilli: true },
    }),
  ]);
  const spend = new Map<string, { settledMilli: number; heldMilli: number }>();
  for (const row of sums) {
    const entry = spend.get(row.userId) ?? { settledMilli: 0, heldMilli: 0 };
    const amount = Number(row._sum.amountMilli ?? 0);
    if (row.status === "settled") entry.settledMilli += amount;
    else entry.heldMilli += amount;
    spend.set(row.userId, entry);
  }
  return users.map((u) => ({ ...u, ...(spend.get(u.id) ?? { settledMilli: 0, heldMilli: 0 }) }));
}

export async function getUserForAdmin({ id }: { id: string }) {
  return getPrisma().user.findUnique({ where: { id }, select: adminUserSelect });
}

/** Sets a user's allowance (null: back to the default) and/or disabled flag. Null if no such user. */
export async function updateUserByAdmin(input: { id: string; allowanceMilli?: number | null; disabled?: boolean }) {
  try {
    return await getPrisma().user.update({
      where: { id: input.id },
      data: {
        ...(input.allowanceMilli !== undefined ? { allowanceMilli: input.allowanceMilli } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      },
      select: adminUserSelect,
    });
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
