"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { EXPIRY_CHOICES, MAX_TOKENS_PER_USER, TOKEN_NAME_MAX } from "@/lib/api-tokens/view";
import type { AppError } from "@/lib/errors";
import { useCreateToken, type CreatedToken } from "./use-tokens";

const EXPIRY_OPTIONS = [{ value: "never", label: "Never" }, ...EXPIRY_CHOICES.map((d) => ({ value: String(d), label: d === 365 ? "In 1 year" : `In ${d} days` }))];

export function CreateTokenForm({ count, onCreated }: { count: number; onCreated: (token: CreatedToken) => void }) {
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("90");
  const [nameError, setNameError] = useState<string>();
  const create = useCreateToken();
  const full = count >= MAX_TOKENS_PER_USER;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError("Give the token a name, e.g. the script that will use it.");
    setNameError(undefined);
    create.mutate(
      { name: trimmed, expiresInDays: expiry === "never" ? null : Number(expiry) },
      {
        onSuccess: (token) => {
          setName("");
          onCreated(token);
        },
      },
    );
  }

  const error = create.error as AppError | null;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <TextField
          label="Token name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={TOKEN_NAME_MAX}
          placeholder="e.g. nightly renders"
          error={nameError ?? error?.fields?.name}
          hint="Shown in your gallery next to what the token made."
        />
        <SelectField label="Expires" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
          {EXPIRY_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={create.isPending || full} className="sm:mt-7">
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </div>
      {full ? <p className="text-sm text-zinc-600 dark:text-zinc-400">You have {MAX_TOKENS_PER_USER} tokens, the most allowed. Revoke one to create another.</p> : null}
      {error && !error.fields?.name ? <Alert tone="error">{error.message}</Alert> : null}
    </form>
  );
}
