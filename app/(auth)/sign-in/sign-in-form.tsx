"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";

export function SignInForm({
  callbackUrl,
  providers,
  initialError,
}: {
  callbackUrl: string;
  providers: { id: string; name: string }[];
  initialError?: string;
}) {
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
      setError(!res?.error || res.error === "CredentialsSignin" ? "Incorrect email or password." : res.error);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <Card>
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Welcome back. Sign in to your studio.</p>
      <form onSubmit={onSubmit} className="mt-6 flex flex-col gap-4" noValidate>
        {error ? <Alert>{error}</Alert> : null}
        <TextField label="Email" name="email" type="email" autoComplete="email" required />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {providers.length > 0 ? (
        <div className="mt-4 flex flex-col gap-2">
          <div className="flex items-center gap-3 text-xs text-zinc-500">
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
            or
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
          </div>
          {providers.map((p) => (
            <Button key={p.id} variant="secondary" onClick={() => void signIn(p.id, { callbackUrl })}>
              Continue with {p.name}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-accent-600 hover:underline dark:text-accent-400">
          Create an account
        </Link>
      </p>
    </Card>
  );
}
