import { describe, expect, it } from "vitest";
import { isValidId, safeText, unsafeTextProblem } from "./safe-text";

describe("safeText", () => {
  const line = safeText({ min: 1, max: 10 });
  const prompt = safeText({ min: 1, max: 50, multiline: true });

  it("refuses NUL, other controls, bidi overrides and lone surrogates", () => {
    for (const bad of ["a\u0000", "\u0007", "\u001b[0m", "\u007f", "\u0085", "a\u202Eb", "\u2066x", "\ud800", "x\udc00"]) {
      expect(line.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(prompt.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("allows line breaks and tabs only in multiline fields", () => {
    expect(prompt.parse(" two\nlines\tand\r\n ")).toBe("two\nlines\tand");
    expect(line.safeParse("two\nlines").success).toBe(false);
    expect(unsafeTextProblem("a\tb")).toMatch(/single line/);
  });

  it("keeps ordinary text, emoji and other scripts, trimmed, within its length", () => {
    expect(line.parse("  Zoë 🐱 ")).toBe("Zoë 🐱");
    expect(line.parse("日本語")).toBe("日本語");
    expect(line.safeParse("   ").success).toBe(false);
    expect(line.safeParse("x".repeat(11)).success).toBe(false);
  });

  it("reports a control character as such, not as a length problem", () => {
    const result = line.safeParse("\u0000".repeat(20));
    expect(result.error?.issues[0]?.message).toMatch(/control characters/);
  });
});

describe("isValidId", () => {
  it("accepts our ids and refuses anything that cannot be one", () => {
    expect(isValidId("clx0abc123def456ghi789jkl")).toBe(true);
    expect(isValidId("0123456789abcdef0123456789abcdef")).toBe(true);
    for (const bad of ["", "\u0000", "a/b", "../x", "a".repeat(129), "ид", 42, null]) expect(isValidId(bad)).toBe(false);
  });
});
