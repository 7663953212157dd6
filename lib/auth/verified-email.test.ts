import { describe, expect, it } from "vitest";
import { pickGitHubEmail, verifiedOAuthEmail } from "./verified-email";

describe("verifiedOAuthEmail", () => {
  it("takes the email of a profile whose provider verified it, normalized", () => {
    expect(verifiedOAuthEmail({ provider: "google", profile: { email: " Ann@Example.COM", email_verified: true } })).toBe("ann@example.com");
    expect(verifiedOAuthEmail({ provider: "github", profile: { login: "ann", email: "ann@example.com", email_verified: true } })).toBe("ann@example.com");
  });

  it("refuses an email the provider did not verify, or says nothing about", () => {
    for (const profile of [
      { email: "ann@example.com", email_verified: false },
      { email: "ann@example.com" },
      { email: "ann@example.com", email_verified: "true" },
      { email: "ann@example.com", email_verified: 1 },
      { email: "ann@example.com", verified_email: true },
    ]) {
      expect(verifiedOAuthEmail({ provider: "google", profile }), JSON.stringify(profile)).toBeNull();
    }
  });

  it("refuses providers that report no verification, whatever their profile claims", () => {
    expect(verifiedOAuthEmail({ provider: "gitlab", profile: { email: "ann@example.com", email_verified: true } })).toBeNull();
    expect(verifiedOAuthEmail({ provider: "credentials", profile: { email: "ann@example.com", email_verified: true } })).toBeNull();
  });

  it("refuses missing, malformed and oversized emails", () => {
    for (const email of [undefined, null, "", "not-an-email", `${"a".repeat(250)}@example.com`, "ann\u0000@example.com", ["ann@example.com"]]) {
      expect(verifiedOAuthEmail({ provider: "google", profile: { email, email_verified: true } }), String(email)).toBeNull();
    }
    expect(verifiedOAuthEmail({ provider: "google", profile: null })).toBeNull();
    expect(verifiedOAuthEmail({ provider: "google", profile: undefined })).toBeNull();
  });
});

describe("pickGitHubEmail", () => {
  const emails = [
    { email: "old@example.com", primary: false, verified: false },
    { email: "Main@Example.com", primary: true, verified: true },
    { email: "work@example.com", primary: false, verified: true },
  ];

  it("verifies the profile's public email against /user/emails", () => {
    expect(pickGitHubEmail("work@example.com", emails)).toEqual({ email: "work@example.com", verified: true });
    expect(pickGitHubEmail("MAIN@example.com", emails)).toEqual({ email: "main@example.com", verified: true });
    expect(pickGitHubEmail("old@example.com", emails)).toEqual({ email: "old@example.com", verified: false });
    expect(pickGitHubEmail("elsewhere@example.com", emails)).toEqual({ email: "elsewhere@example.com", verified: false });
  });

  it("falls back to the primary address, never to the first one listed", () => {
    expect(pickGitHubEmail(null, emails)).toEqual({ email: "Main@Example.com", verified: true });
    expect(pickGitHubEmail(null, [{ email: "first@example.com", verified: false }])).toEqual({ email: null, verified: false });
    expect(pickGitHubEmail(null, [{ email: "unverified-primary@example.com", primary: true, verified: false }])).toEqual({
      email: "unverified-primary@example.com",
      verified: false,
    });
  });

  it("verifies nothing when /user/emails failed or answered something else", () => {
    expect(pickGitHubEmail("main@example.com", [])).toEqual({ email: "main@example.com", verified: false });
    expect(pickGitHubEmail("main@example.com", { message: "Bad credentials" })).toEqual({ email: "main@example.com", verified: false });
    expect(pickGitHubEmail(null, "garbage")).toEqual({ email: null, verified: false });
  });
});
