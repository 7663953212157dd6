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
  createdAt: true,
} satisfies Prisma.UserSelect;

export type PublicUser = Prisma.UserGetPayload<{ select: typeof publicUserSelect }>;
export type SignInUser = PublicUser & { passwordHash: string | null };

/** Emails in ADMIN_EMAILS are admins whatever their stored role, so the list works for existing accounts too. */
function isAdminEmail(email: string): boolean {
  return env().ADMIN_EMAILS.includes(normalizeEmail(email));
}

function withEffectiveRole<T extends { email: string; role: UserRole }>(user: T): T {
  return user.role !== "admin" && isAdminEmail(user.email) ? { ...user, role: "admin" } : user;
}

/**
 * The role of an account about to be created: admin for ADMIN_EMAILS and for the very
 * first account. The advisory lock makes two racing first sign-ups count one at a time.
 */
async function roleForNewUser(tx: Prisma.TransactionClient, email: string): Promise<UserRole> {
  if (isAdminEmail(email)) return "admin";
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('studio:first-user'))`;
  return (await tx.user.count()) === 0 ? "admin" : "user";
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
  /** "auto" (sign-up): admin for the first account and ADMIN_EMAILS, else user. Default user. */
  role?: UserRole | "auto";
}): Promise<PublicUser> {
  try {
    return await getPrisma().$transaction(async (tx) =>
      tx.user.create({
        data: {
          email: normalizeEmail(email),
          name: name || null,
          passwordHash,
          role: role === "auto" ? await roleForNewUser(tx, email) : role,
        },
        select: publicUserSelect,
      }),
    );
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
  const user = await getPrisma().user.findUnique({ where: { id }, select: publicUserSelect });
  return user ? withEffectiveRole(user) : null;
}

/**
 * Finds or creates the account for an OAuth sign-in, matched by email. An existing
 * account keeps its name and password; a missing name is filled in.
 */
export async function upsertOAuthUser({ email, name }: { email: string; name?: string | null }): Promise<PublicUser> {
  const normalized = normalizeEmail(email);
  const db = getPrisma();
  let user: PublicUser;
  try {
    user =
      (await db.user.findUnique({ where: { email: normalized }, select: publicUserSelect })) ??
      (await db.$transaction(async (tx) =>
        tx.user.create({
          data: { email: normalized, name: name || null, passwordHash: null, role: await roleForNewUser(tx, normalized) },
          select: publicUserSelect,
        }),
      ));
  } catch (error) {
    // Two first sign-ins racing: the loser's insert hits the unique index; the row exists now.
    if (!isUniqueViolation(error)) throw error;
    user = await db.user.findUniqueOrThrow({ where: { email: normalized }, select: publicUserSelect });
  }
  if (!user.name && name) {
    user = await db.user.update({ where: { id: user.id }, data: { name }, select: publicUserSelect });
  }
  return user;
}

export async function countUsers(): Promise<number> {
  return getPrisma().user.count();
}
