import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { ACCOUNT_DISABLED, authorizeCredentials, INVALID_CREDENTIALS } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";
import { createUser } from "@/lib/db/queries/users";
import { forEachDatabase } from "../support/db";

forEachDatabase("email + password sign-in", (getDb) => {
  const ip = (n = 1) => new Headers({ "x-forwarded-for": `203.0.113.${n}, 10.0.0.1` });
  const newUser = async (password = "correct-horse-9") => {
    const email = `signin-${randomUUID()}@example.com`;
    await createUser({ email, passwordHash: await hashPassword(password) });
    return { email, password };
  };

  it("signs in with the right password, whatever the email's case", async () => {
    const { email, password } = await newUser();
    const user = await authorizeCredentials({ email: `  ${email.toUpperCase()} `, password }, ip());
    expect(user.email).toBe(email);
  });

  it("gives one message for an unknown email and a wrong password", async () => {
    const { email } = await newUser();
    await expect(authorizeCredentials({ email, password: "wrong-password" }, ip(2))).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(authorizeCredentials({ email: "nobody@example.com", password: "whatever123" }, ip(2))).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(authorizeCredentials({ email: "not an email", password: "" }, ip(2))).rejects.toThrow(INVALID_CREDENTIALS);
  });

  it("refuses a disabled account", async () => {
    const { email, password } = await newUser();
    await getDb().prisma.user.update({ where: { email }, data: { disabled: true } });
    await expect(authorizeCredentials({ email, password }, ip(3))).rejects.toThrow(ACCOUNT_DISABLED);
  });

  it("throttles repeated failures on one account, even with the right password afterwards", async () => {
    const { email, password } = await newUser();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++) {
      await expect(authorizeCredentials({ email, password: `guess-${i}-xx` }, ip(10 + i))).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(authorizeCredentials({ email, password }, ip(99))).rejects.toThrow(/Too many sign-in attempts. Try again in 15 minutes/);
  });

  it("a success clears the account's failure count", async () => {
    const { email, password } = await newUser();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit - 1; i++) {
        await expect(authorizeCredentials({ email, password: "nope-nope" }, ip(40 + round))).rejects.toThrow(INVALID_CREDENTIALS);
      }
      await expect(authorizeCredentials({ email, password }, ip(40 + round))).resolves.toMatchObject({ email });
    }
  });

  it("throttles one address spraying many accounts", async () => {
    const sprayer = ip(200);
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) {
      await expect(authorizeCredentials({ email: `spray-${i}-${randomUUID()}@example.com`, password: "password1" }, sprayer)).rejects.toThrow(INVALID_CREDENTIALS);
    }
    const { email, password } = await newUser();
    await expect(authorizeCredentials({ email, password }, sprayer)).rejects.toThrow(/Too many sign-in attempts/);
    // Another address is unaffected.
    await expect(authorizeCredentials({ email, password }, ip(201))).resolves.toMatchObject({ email });
  });
});
