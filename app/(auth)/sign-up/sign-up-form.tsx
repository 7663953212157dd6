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
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validation/auth";
import { zodFields } from "@/lib/http/zod-fields";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const { errorText, fieldTexts } = useServerText();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      name: String(data.get("name") ?? "") || undefined,
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
    };
    // Same schema as the server: instant feedback, and the server re-checks anyway.
    const parsed = signUpSchema.safeParse(input);
    if (!parsed.success) {
      setFields(fieldTexts(zodFields(parsed.error)));
      setError(undefined);
      return;
    }
    setPending(true);
    setFields({});
    setError(undefined);
    try {
      await apiFetch("/api/sign-up", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
    } catch (e) {
      setPending(false);
      if (e instanceof AppError && e.fields) setFields(fieldTexts(e.fields));
      setError(errorText(e, t("signUp.failed")));
      return;
    }
    const res = await signIn("credentials", { email: parsed.data.email, password: input.password, redirect: false, callbackUrl });
    if (!res || res.error) {
      setPending(false);
      setError(t("signUp.signInFailed"));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <Card>
      <h1 className="text-xl font-semibold tracking-tight">{t("signUp.heading")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("signUp.intro")}</p>
      <form onSubmit={onSubmit} className="mt-6 flex flex-col gap-4" noValidate>
        {error ? <Alert>{error}</Alert> : null}
        <TextField label={t("signUp.name")} name="name" autoComplete="name" error={fields.name} />
        <TextField label={t("email")} name="email" type="email" autoComplete="email" required error={fields.email} />
        <TextField
          label={t("password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("signUp.passwordHint")}
          error={fields.password}
        />
        <Button type="submit" disabled={pending}>
          {pending ? t("signUp.pending") : t("signUp.submit")}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        {t("signUp.haveAccount")}{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-accent-600 hover:underline dark:text-accent-400">
          {t("signUp.signIn")}
        </Link>
      </p>
    </Card>
  );
}
