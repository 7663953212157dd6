"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { apiFetch } from "@/lib/api-fetch";
import { AppError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validation/auth";
import { zodFields } from "@/lib/http/zod-fields";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
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
      setFields(zodFields(parsed.error));
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
      if (e instanceof AppError && e.fields) setFields(e.fields);
      setError(e instanceof AppError ? e.message : "Could not create the account. Please try again.");
      return;
    }
    const res = await signIn("credentials", { email: parsed.data.email, password: input.password, redirect: false, callbackUrl });
    if (!res || res.error) {
      setPending(false);
      setError("Your account was created, but signing in failed. Please sign in.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <Card>
      <h1 className="text-xl font-semibold tracking-tight">Create your account</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Start generating images and videos in minutes.</p>
      <form onSubmit={onSubmit} className="mt-6 flex flex-col gap-4" noValidate>
        {error ? <Alert>{error}</Alert> : null}
        <TextField label="Name (optional)" name="name" autoComplete="name" error={fields.name} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={fields.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters."
          error={fields.password}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating account…" : "Create account"}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-accent-600 hover:underline dark:text-accent-400">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
