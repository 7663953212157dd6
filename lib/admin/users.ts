import "server-only";
import { z } from "zod";
import { getUserForAdmin, listUsersWithSpend, updateUserByAdmin, type AdminUserRow } from "@/lib/db/queries/admin";
import { grantAdmin } from "@/lib/db/queries/users";
import { sumUsage } from "@/lib/db/queries/usage";
import { toMilli } from "@/lib/catalog";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { currentPeriod, effectiveAllowanceMilli } from "@/lib/usage/budget";
import { milliToCredits } from "@/lib/usage/format";
import type { AdminUserView, AdminUsersView } from "@/lib/usage/views";

/** Highest allowance an admin can set: the ledger column is a 32-bit count of millicredits. */
export const MAX_ALLOWANCE_CREDITS = 1_000_000;

export const adminUserPatchSchema = z
  .object({
    /** Credits per period; null puts the user back on the default. */
    allowanceCredits: z
      .number({ error: "Enter the allowance as a number of credits." })
      .min(0, "The allowance can't be negative.")
      .max(MAX_ALLOWANCE_CREDITS, `At most ${MAX_ALLOWANCE_CREDITS.toLocaleString("en-US")} credits.`)
      .nullable()
      .optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.allowanceCredits !== undefined || v.disabled !== undefined, "Nothing to change: send allowanceCredits and/or disabled.");

export type AdminUserPatch = z.infer<typeof adminUserPatchSchema>;

function toView(row: AdminUserRow): AdminUserView {
  const allowance = effectiveAllowanceMilli(row.allowanceMilli);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
    allowance: allowance === null ? null : milliToCredits(allowance),
    custom: row.allowanceMilli !== null,
    spent: { settled: milliToCredits(row.settledMilli), held: milliToCredits(row.heldMilli) },
  };
}

export async function listAdminUsers({ currentUserId, now = new Date() }: { currentUserId: string; now?: Date }): Promise<AdminUsersView> {
  const period = currentPeriod(now);
  const rows = await listUsersWithSpend({ since: period.start, until: period.end });
  const fallback = env().DEFAULT_ALLOWANCE_CREDITS;
  return {
    users: rows.map(toView),
    currentUserId,
    period: period.kind,
    periodStart: period.start.toISOString(),
    resetsAt: period.end.toISOString(),
    defaultAllowance: fallback,
  };
}

/** Applies an admin's change to a user. Admins cannot disable themselves (no lock-out by accident). */
export async function updateAdminUser({ actorId, id, patch, now = new Date() }: { actorId: string; id: string; patch: AdminUserPatch; now?: Date }): Promise<AdminUserView> {
  if (patch.disabled === true && id === actorId) {
    throw new AppError("invalid_request_error", "You can't disable your own account.", { fields: { disabled: "You can't disable your own account." } });
  }
  const updated = await updateUserByAdmin({
    id,
    disabled: patch.disabled,
    allowanceMilli: patch.allowanceCredits === undefined ? undefined : patch.allowanceCredits === null ? null : toMilli(patch.allowanceCredits),
  });
  if (!updated) throw new AppError("not_found_error", "No such user.");
  return withSpend(updated, now);
}

async function withSpend(row: Omit<AdminUserRow, "settledMilli" | "heldMilli">, now: Date): Promise<AdminUserView> {
  const period = currentPeriod(now);
  return toView({ ...row, ...(await sumUsage({ userId: row.id, since: period.start, until: period.end })) });
}

/**
 * An admin makes another account an admin; the grant is recorded with who and when
 * (role_grants). The only way a password account other than the first becomes an admin.
 */
export async function promoteAdminUser({ actorId, id, now = new Date() }: { actorId: string; id: string; now?: Date }): Promise<AdminUserView> {
  const target = await getUserForAdmin({ id });
  if (!target) throw new AppError("not_found_error", "No such user.");
  if (target.disabled) throw new AppError("conflict_error", "Enable this account before making it an administrator.");
  const { promoted } = await grantAdmin({ userId: id, source: "admin", grantedById: actorId });
  if (!promoted) throw new AppError("conflict_error", `${target.email} is already an administrator.`);
  return withSpend({ ...target, role: "admin" }, now);
}
