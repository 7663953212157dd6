import "server-only";
import { z } from "zod";
import { normalizeEmail } from "@/lib/validation/auth";

/**
 * Which email an OAuth sign-in may use. The studio keys accounts by email alone (no table
 * of provider identities), so an email the provider did not verify is not an identity:
 * accepting it would let anyone who can put that address on a provider account sign in to
 * (or become, through ADMIN_EMAILS) the studio account that owns it.
 */

/**
 * Providers whose profile says whether the email is verified: Google's OIDC claim
 * `email_verified`, and GitHub's, which githubUserinfo below adds from /user/emails.
 * Any other provider's email counts as unverified.
 */
const VERIFYING_PROVIDERS = new Set(["google", "github"]);

const verifiedClaim = z.object({
  email: z.string().max(254).transform(normalizeEmail).pipe(z.email()),
  // Only the boolean true: a missing claim, "true" as text or anything else is not a verification.
  email_verified: z.literal(true),
});

/** The provider-verified email of an OAuth profile, normalized; null when the provider did not verify one. */
export function verifiedOAuthEmail({ provider, profile }: { provider: string; profile: unknown }): string | null {
  if (!VERIFYING_PROVIDERS.has(provider)) return null;
  const parsed = verifiedClaim.safeParse(profile);
  return parsed.success ? parsed.data.email : null;
}

const githubEmails = z.array(z.object({ email: z.string(), primary: z.boolean().optional(), verified: z.boolean().optional() }).loose());

export interface GitHubEmailChoice {
  email: string | null;
  verified: boolean;
}

/**
 * The GitHub email to use and whether GitHub verified it: the profile's public email when it
 * has one, else the primary address (next-auth's own fallback takes the first in the list,
 * verified or not). `emails` is GET /user/emails as received; anything malformed verifies nothing.
 */
export function pickGitHubEmail(profileEmail: string | null | undefined, emails: unknown): GitHubEmailChoice {
  const list = githubEmails.safeParse(emails);
  const rows = list.success ? list.data : [];
  const wanted = profileEmail ? normalizeEmail(profileEmail) : null;
  const row = wanted ? rows.find((e) => normalizeEmail(e.email) === wanted) : rows.find((e) => e.primary === true);
  return { email: wanted ?? row?.email ?? null, verified: row?.verified === true };
}

/** next-auth's GitHub userinfo request, plus `email_verified` from /user/emails (scope user:email, which the provider asks for). */
export async function githubUserinfo({
  client,
  tokens,
}: {
  client: { userinfo: (token: string) => Promise<Record<string, unknown>> };
  tokens: { access_token?: string };
}): Promise<Record<string, unknown>> {
  const token = tokens.access_token ?? "";
  const profile = await client.userinfo(token);
  const res = await fetch("https://api.github.com/user/emails", {
    headers: { authorization: `token ${token}`, accept: "application/vnd.github+json" },
    signal: AbortSignal.timeout(10_000),
  });
  const emails: unknown = res.ok ? await res.json() : [];
  const choice = pickGitHubEmail(typeof profile.email === "string" ? profile.email : null, emails);
  return { ...profile, email: choice.email, email_verified: choice.verified };
}
