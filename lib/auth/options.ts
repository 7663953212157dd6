import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/lib/env";
import { findUserIdByEmail, upsertOAuthUser } from "@/lib/db/queries/users";
import { authorizeCredentials } from "./credentials";
import { githubUserinfo, verifiedOAuthEmail } from "./verified-email";

function providers(): NextAuthOptions["providers"] {
  const e = env();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, req?.headers ?? {}),
    }),
  ];
  if (e.GITHUB_ID && e.GITHUB_SECRET) {
    // Our userinfo request also reads /user/emails, so the profile says whether GitHub verified the email.
    list.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET, userinfo: { url: "https://api.github.com/user", request: githubUserinfo } }));
  }
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    list.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  }
  return list;
}

/** OAuth providers shown on the sign-in page: only those whose env vars are set. */
export function oauthProviders(): { id: string; name: string }[] {
  const e = env();
  const out: { id: string; name: string }[] = [];
  if (e.GITHUB_ID && e.GITHUB_SECRET) out.push({ id: "github", name: "GitHub" });
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) out.push({ id: "google", name: "Google" });
  return out;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    callbacks: {
      // Same-origin only (next-auth's default lets "/\t/evil.example" through as a path).
      redirect({ url, baseUrl }) {
        try {
          const target = new URL(url, baseUrl);
          if (target.origin === new URL(baseUrl).origin) return target.toString();
        } catch {
          // fall through
        }
        return `${baseUrl}/generate`;
      },
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        if (!user.email) return "/sign-in?error=OAuthNoEmail";
        // Accounts are matched by email, so only an email the provider verified may sign in
        // (or link to an existing account, or count for ADMIN_EMAILS).
        const email = verifiedOAuthEmail({ provider: account.provider, profile });
        if (!email) return "/sign-in?error=OAuthEmailUnverified";
        const dbUser = await upsertOAuthUser({ verifiedEmail: email, name: user.name ?? undefined });
        return dbUser.disabled ? "/sign-in?error=AccountDisabled" : true;
      },
      async jwt({ token, user, account, profile }) {
        // First call after sign-in: pin our own user id in the token (OAuth ids differ).
        if (user && account) {
          if (account.provider === "credentials") {
            token.uid = user.id;
          } else {
            // signIn above refused anything but a verified email and created its account.
            const email = verifiedOAuthEmail({ provider: account.provider, profile });
            const id = email ? await findUserIdByEmail({ email }) : null;
            if (!id) throw new Error("OAuth sign-in without an account");
            token.uid = id;
          }
        }
        return token;
      },
      async session({ session, token }) {
        if (typeof token.uid === "string" && session.user) session.user.id = token.uid;
        return session;
      },
    },
  };
  return cached;
}

