import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { forEachDatabase } from "@/tests/support/db";
import { countUsers, createUser, getUserById, getUserForSignIn, upsertOAuthUser } from "./users";

let seq = 0;
const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${++seq}@example.com`;

forEachDatabase("users queries", (getDb) => {
  it("creates a user with a normalised email and returns public fields only", async () => {
    const email = uniqueEmail("Ann");
    const user = await createUser({ email: `  ${email.toUpperCase()} `, name: "Ann", passwordHash: "hash-1" });
    expect(user).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      name: "Ann",
      role: "user",
      disabled: false,
      locale: null,
      createdAt: expect.any(Date),
    });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("rejects a duplicate email, whatever its case, with a conflict AppError", async () => {
    const email = uniqueEmail("dup");
    await createUser({ email, passwordHash: "h" });
    const attempt = createUser({ email: email.toUpperCase(), passwordHash: "h2" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(createUser({ email, passwordHash: "h3" })).rejects.toMatchObject({
      type: "conflict_error",
      status: 409,
      message: "An account with this email already exists.",
    });
  });

  it("getUserForSignIn finds by any-case email and is the only query with the hash", async () => {
    const email = uniqueEmail("signin");
    const created = await createUser({ email, passwordHash: "secret-hash" });
    const forSignIn = await getUserForSignIn({ email: ` ${email.toUpperCase()}` });
    expect(forSignIn).toMatchObject({ id: created.id, email, passwordHash: "secret-hash", disabled: false });
    const byId = await getUserById({ id: created.id });
    expect(byId).toEqual(created);
    expect(byId).not.toHaveProperty("passwordHash");
    expect(await getUserForSignIn({ email: uniqueEmail("nobody") })).toBeNull();
    expect(await getUserById({ id: "missing" })).toBeNull();
  });

  it("upsertOAuthUser creates once, keeps existing accounts and fills a missing name", async () => {
    const email = uniqueEmail("oauth");
    const first = await upsertOAuthUser({ verifiedEmail: email.toUpperCase() });
    expect(first).toMatchObject({ email, name: null, role: "user" });
    const again = await upsertOAuthUser({ verifiedEmail: email, name: "Octo Cat" });
    expect(again).toMatchObject({ id: first.id, name: "Octo Cat" });
    const renamed = await upsertOAuthUser({ verifiedEmail: email, name: "Other Name" });
    expect(renamed.name).toBe("Octo Cat");
    expect((await getUserForSignIn({ email }))?.passwordHash).toBeNull();

    // A password account signing in with OAuth keeps its password.
    const pwEmail = uniqueEmail("both");
    const pwUser = await createUser({ email: pwEmail, name: "Pat", passwordHash: "pw" });
    expect((await upsertOAuthUser({ verifiedEmail: pwEmail, name: "Patricia" })).id).toBe(pwUser.id);
    expect(await getUserForSignIn({ email: pwEmail })).toMatchObject({ name: "Pat", passwordHash: "pw" });
  });

  it("upsertOAuthUser survives concurrent first sign-ins", async () => {
    const email = uniqueEmail("race");
    const users = await Promise.all(Array.from({ length: 5 }, () => upsertOAuthUser({ verifiedEmail: email, name: "Racer" })));
    expect(new Set(users.map((u) => u.id)).size).toBe(1);
  });

  it("countUsers counts every account", async () => {
    await getDb().truncateAll();
    expect(await countUsers()).toBe(0);
    await createUser({ email: uniqueEmail("c1"), passwordHash: "h" });
    await upsertOAuthUser({ verifiedEmail: uniqueEmail("c2") });
    expect(await countUsers()).toBe(2);
  });
});

describe("users queries module", () => {
  it("is server-only", async () => {
    const source = await import("node:fs").then((fs) => fs.readFileSync(new URL("./users.ts", import.meta.url), "utf8"));
    expect(source.startsWith('import "server-only";')).toBe(true);
  });
});
