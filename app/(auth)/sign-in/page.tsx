import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { oauthProviders } from "@/lib/auth/options";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

/** next-auth's ?error= codes we explain; any other code gets the generic message. */
const ERRORS = ["OAuthNoEmail", "OAuthEmailUnverified", "AccountDisabled", "OAuthAccountNotLinked", "SessionRequired"] as const;
type KnownError = (typeof ERRORS)[number];
const isKnownError = (key: string): key is KnownError => (ERRORS as readonly string[]).includes(key);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const errorKey = typeof params.error === "string" ? params.error : undefined;
  const t = await getTranslations("auth.signIn.errors");
  const initialError = errorKey ? t(isKnownError(errorKey) ? errorKey : "default") : undefined;
  return <SignInForm callbackUrl={callbackUrl} providers={oauthProviders()} initialError={initialError} />;
}
