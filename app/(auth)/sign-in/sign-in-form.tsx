"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { useServerText } from "@/components/studio/use-server-text";

export function SignInForm({
  callbackUrl,
  providers,
  initialError,
}: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  initialError?: string;
}) {
  const t = useTranslations("auth");
  const { text } = useServerText();
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const res = await signIn("credentials", {
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      redirect: false,
      callbackUrl,
    });
    if (!res || res.error) {
      setPending(false);
      // next-auth passes our authorize() message through; "CredentialsSignin" is its generic code.
      setError(!res?.error || res.error === "CredentialsSignin" ? t("signIn.incorrect") : text(res.error, "authentication_error"));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <Card>
      <h1 className="text-xl font-semibold tracking-tight">{t("signIn.heading")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("signIn.intro")}</p>
      <form onSubmit={onSubmit} className="mt-6 flex flex-col gap-4" noValidate>
        {error ? <Alert>{error}</Alert> : null}
        <TextField label={t("email")} name="email" type="email" autoComplete="email" required />
        <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" disabled={pending}>
          {pending ? t("signIn.pending") : t("signIn.submit")}
        </Button>
      </form>
      {providers.length > 0 ? (
        <div className="mt-4 flex flex-col gap-2">
          <div className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
            {t("signIn.or")}
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
          </div>
          {providers.map((p) => (
            <Button key={p.id} variant="secondary" onClick={() => void signIn(p.id, { callbackUrl })}>
              {t("signIn.continueWith", { provider: p.name })}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        {t("signIn.newHere")}{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-accent-600 hover:underline dark:text-accent-400">
          {t("signIn.createAccount")}
        </Link>
      </p>
    </Card>
  );
}
