import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ACCOUNT_DISABLED, authorizeCredentials, INVALID_CREDENTIALS } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/db/queries/users";
import { resetEnvCache } from "@/lib/env";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { AUTH_LIMITS, countSignInAttempt } from "@/lib/rate-limit/auth-limits";
import { forEachDatabase } from "../support/db";

const PEER_TOKEN = "test-peer-token";

forEachDatabase("email + password sign-in", (getDb) => {
  beforeAll(() => {
    process.env.STUDIO_PEER_TOKEN = PEER_TOKEN;
    resetEnvCache();
  });
  afterAll(() => {
    delete process.env.STUDIO_PEER_TOKEN;
    resetEnvCache();
  });

  /** A request from TCP peer 203.0.113.n, the way scripts/serve.mjs marks it; `forwarded` is whatever the client adds. */
  const ip = (n = 1, forwarded?: string) =>
    new Headers({ [PEER_HEADER]: `${PEER_TOKEN} 203.0.113.${n}`, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });
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
    await expect(authorizeCredentials({ email: "a\u0000@example.com", password: "x" }, ip(2))).rejects.toThrow(INVALID_CREDENTIALS);
  });

  it("refuses a disabled account", async () => {
    const { email, password } = await newUser();
    await getDb().prisma.user.update({ where: { email }, data: { disabled: true } });
    await expect(authorizeCredentials({ email, password }, ip(3))).rejects.toThrow(ACCOUNT_DISABLED);
  });

  it("throttles guessing from one address, but the owner elsewhere still signs in (no lock-out lever)", async () => {
    const { email, password } = await newUser();
    for (let i = 0; i < AUTH_LIMITS.signInPair.limit; i++) {
      await expect(authorizeCredentials({ email, password: `guess-${i}-xx` }, ip(10))).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(authorizeCredentials({ email, password }, ip(10))).rejects.toThrow(/Too many sign-in attempts. Try again in 15 minutes/);
    await expect(authorizeCredentials({ email, password }, ip(11))).resolves.toMatchObject({ email });
  });

  it("a made-up X-Forwarded-For does not make a new address", async () => {
    const { email, password } = await newUser();
    for (let i = 0; i < AUTH_LIMITS.signInPair.limit; i++) {
      await expect(authorizeCredentials({ email, password: `guess-${i}-xx` }, ip(12, `198.51.100.${i}`))).rejects.toThrow(INVALID_CREDENTIALS);
    }
    await expect(authorizeCredentials({ email, password }, ip(12, "198.51.100.250"))).rejects.toThrow(/Too many sign-in attempts/);
  });

  it("throttles one account from everywhere only at a much higher count", async () => {
    const email = `spread-${randomUUID()}@example.com`;
    for (let i = 0; i < AUTH_LIMITS.signInAccount.limit; i++) await countSignInAttempt({ email, ip: `192.0.2.${i % 250}` });
    await expect(countSignInAttempt({ email, ip: "192.0.2.251" })).rejects.toThrow(/Too many sign-in attempts/);
    expect(AUTH_LIMITS.signInAccount.limit).toBeGreaterThanOrEqual(10 * AUTH_LIMITS.signInPair.limit);
  });

  it("a success clears the failure count", async () => {
    const { email, password } = await newUser();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < AUTH_LIMITS.signInPair.limit - 1; i++) {
        await expect(authorizeCredentials({ email, password: "nope-nope" }, ip(40))).rejects.toThrow(INVALID_CREDENTIALS);
      }
      await expect(authorizeCredentials({ email, password }, ip(40))).resolves.toMatchObject({ email });
    }
  });

  it("throttles one address spraying many accounts", async () => {
    for (let i = 0; i < AUTH_LIMITS.signInIp.limit; i++) await countSignInAttempt({ email: `spray-${i}-${randomUUID()}@example.com`, ip: "203.0.113.200" });
    const { email, password } = await newUser();
    await expect(authorizeCredentials({ email, password }, ip(200))).rejects.toThrow(/Too many sign-in attempts/);
    // Another address is unaffected.
    await expect(authorizeCredentials({ email, password }, ip(201))).resolves.toMatchObject({ email });
  });

  it("stores hashed keys only, whatever the address or email looks like", async () => {
    await countSignInAttempt({ email: `${"x".repeat(200)}@example.com`, ip: "unknown" });
    const keys = await getDb().prisma.rateLimitBucket.findMany({ select: { key: true } });
    for (const { key } of keys) {
      expect(key.length).toBeLessThanOrEqual(48);
      expect(key).not.toContain("@");
    }
  });
});
