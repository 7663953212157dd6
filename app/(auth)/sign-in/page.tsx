import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { oauthProviders } from "@/lib/auth/options";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  OAuthNoEmail: "Your account with that provider has no email address we can use.",
  OAuthEmailUnverified: "That provider hasn't verified your email address. Verify it there, or sign in with your password.",
  AccountDisabled: "This account has been disabled. Contact the studio administrator.",
  OAuthAccountNotLinked: "That email is already registered with another sign-in method.",
  SessionRequired: "Please sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const errorKey = typeof params.error === "string" ? params.error : undefined;
  const initialError = errorKey ? (ERRORS[errorKey] ?? "Sign-in failed. Please try again.") : undefined;
  return <SignInForm callbackUrl={callbackUrl} providers={oauthProviders()} initialError={initialError} />;
}
