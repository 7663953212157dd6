import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "@/lib/validation/auth";
import { getPrisma } from "../client";
import { Prisma, type UserRole } from "../generated/client";
import { isUniqueViolation } from "../errors";

/**
 * The only door to user rows. Every function selects explicit fields; only
 * getUserForSignIn returns the password hash.
 */
const publicUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  locale: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export type PublicUser = Prisma.UserGetPayload<{ select: typeof publicUserSelect }>;
export type SignInUser = PublicUser & { passwordHash: string | null };

/** Whether ADMIN_EMAILS lists this email. Only ever asked about an email an OAuth provider verified. */
function isAdminEmail(email: string): boolean {
  return env().ADMIN_EMAILS.includes(normalizeEmail(email));
}

/**
 * Whether the account about to be created is the studio's very first (it becomes the admin).
 * The advisory lock makes two racing first sign-ups count one at a time.
 */
async function isFirstAccount(tx: Prisma.TransactionClient): Promise<boolean> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('studio:first-user'))`;
  return (await tx.user.count()) === 0;
}

export async function createUser({
  email,
  name,
  passwordHash,
  role,
}: {
  email: string;
  name?: string | null;
  /** Null only for accounts that sign in through OAuth. */
  passwordHash: string | null;
  /**
   * "auto" (sign-up): admin only for the very first account, else user. ADMIN_EMAILS does
   * not count here: nothing proves a password sign-up owns its email. Default user.
   */
  role?: UserRole | "auto";
}): Promise<PublicUser> {
  try {
    return await getPrisma().$transaction(async (tx) => {
      const first = role === "auto" && (await isFirstAccount(tx));
      const user = await tx.user.create({
        data: { email: normalizeEmail(email), name: name || null, passwordHash, role: first ? "admin" : role === "auto" ? "user" : role },
        select: publicUserSelect,
      });
      if (first) await tx.roleGrant.create({ data: { userId: user.id, source: "first_account" } });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict_error", "An account with this email already exists.", {
        fields: { email: "An account with this email already exists." },
        cause: error,
      });
    }
    throw error;
  }
}

export async function getUserForSignIn({ email }: { email: string }): Promise<SignInUser | null> {
  return getPrisma().user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { ...publicUserSelect, passwordHash: true },
  });
}

/** Whether an account with this email exists (sign-up checks before spending a hash). */
export async function emailTaken({ email }: { email: string }): Promise<boolean> {
  return (await getPrisma().user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } })) !== null;
}

export async function getUserById({ id }: { id: string }): Promise<PublicUser | null> {
  return getPrisma().user.findUnique({ where: { id }, select: publicUserSelect });
}

/** Saves the studio language the user chose (already checked against lib/i18n/locales). */
export async function setUserLocale({ id, locale }: { id: string; locale: string }): Promise<void> {
  await getPrisma().user.update({ where: { id }, data: { locale }, select: { id: true } });
}

export async function findUserIdByEmail({ email }: { email: string }): Promise<string | null> {
  return (await getPrisma().user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true } }))?.id ?? null;
}

/**
 * Finds or creates the account for an OAuth sign-in, matched by email. Callers pass only an
 * email the provider verified (lib/auth/verified-email.ts): that is what makes linking to an
 * existing account by email safe. An existing account keeps its name and password; a missing
 * name is filled in. A new account is admin when it is the first, or when ADMIN_EMAILS lists
 * the email; an existing OAuth-only account listed there is promoted. An account with a
 * password is not: whoever chose that password never proved they own the address (someone
 * could have signed up with it before its owner), so an admin promotes it on the admin page.
 */
export async function upsertOAuthUser({ verifiedEmail, name }: { verifiedEmail: string; name?: string | null }): Promise<PublicUser> {
  const email = normalizeEmail(verifiedEmail);
  const listed = isAdminEmail(email);
  const db = getPrisma();
  let user: PublicUser & { passwordHash: string | null };
  try {
    user =
      (await db.user.findUnique({ where: { email }, select: { ...publicUserSelect, passwordHash: true } })) ??
      (await db.$transaction(async (tx) => {
        const first = await isFirstAccount(tx);
        const created = await tx.user.create({
          data: { email, name: name || null, passwordHash: null, role: first || listed ? "admin" : "user" },
          select: { ...publicUserSelect, passwordHash: true },
        });
        if (first || listed) await tx.roleGrant.create({ data: { userId: created.id, source: first ? "first_account" : "admin_emails" } });
        return created;
      }));
  } catch (error) {
    // Two first sign-ins racing: the loser's insert hits the unique index; the row exists now.
    if (!isUniqueViolation(error)) throw error;
    user = await db.user.findUniqueOrThrow({ where: { email }, select: { ...publicUserSelect, passwordHash: true } });
  }
  if (listed && user.role !== "admin" && user.passwordHash === null) {
    await grantAdmin({ userId: user.id, source: "admin_emails" });
    user = { ...user, role: "admin" };
  }
  if (!user.name && name) {
    user = { ...user, ...(await db.user.update({ where: { id: user.id }, data: { name }, select: publicUserSelect })) };
  }
  const { passwordHash: _hidden, ...publicUser } = user;
  return publicUser;
}

/**
 * Makes a user an admin and records the grant, once: the role moves from user to admin
 * with a compare-and-set, and only the caller whose update did so writes the audit row.
 * "promoted" false: no such user, or already an admin.
 */
export async function grantAdmin({
  userId,
  source,
  grantedById = null,
}: {
  userId: string;
  source: "admin" | "admin_emails";
  grantedById?: string | null;
}): Promise<{ promoted: boolean }> {
  return getPrisma().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, role: "user" }, data: { role: "admin" } });
    if (count === 0) return { promoted: false };
    await tx.roleGrant.create({ data: { userId, source, grantedById } });
    return { promoted: true };
  });
}

export async function countUsers(): Promise<number> {
  return getPrisma().user.count();
}
