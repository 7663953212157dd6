import { describe, expect, it } from "vitest";
import { normalizeEmail, signInSchema, signUpSchema } from "./auth";

describe("auth schemas", () => {
  it("normalises emails", () => {
    expect(normalizeEmail("  Ann@Example.COM ")).toBe("ann@example.com");
    expect(signUpSchema.parse({ email: " Ann@Example.com", password: "12345678" }).email).toBe("ann@example.com");
    expect(signInSchema.parse({ email: "ANN@example.com ", password: "x" }).email).toBe("ann@example.com");
  });

  it("checks sign-up fields with per-field messages", () => {
    const result = signUpSchema.safeParse({ email: "nope", password: "short", name: "x".repeat(101) });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "name"]));
    expect(signUpSchema.safeParse({ email: "a@b.co", password: "x".repeat(201) }).success).toBe(false);
    expect(signUpSchema.parse({ email: "a@b.co", password: "x".repeat(200), name: "  " }).name).toBeUndefined();
  });

  it("requires a password to sign in", () => {
    expect(signInSchema.safeParse({ email: "a@b.co", password: "" }).success).toBe(false);
    expect(signInSchema.safeParse({}).success).toBe(false);
  });
});
