"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { EXPIRY_CHOICES, MAX_TOKENS_PER_USER, TOKEN_NAME_MAX } from "@/lib/api-tokens/view";
import type { AppError } from "@/lib/errors";
import { useServerText } from "@/components/studio/use-server-text";
import { useCreateToken, type CreatedToken } from "./use-tokens";


export function CreateTokenForm({ count, onCreated }: { count: number; onCreated: (token: CreatedToken) => void }) {
  const t = useTranslations("tokens.form");
  const { text } = useServerText();
  const expiryOptions = [{ value: "never", label: t("never") }, ...EXPIRY_CHOICES.map((d) => ({ value: String(d), label: d === 365 ? t("inYear") : t("inDays", { days: d }) }))];
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("90");
  const [nameError, setNameError] = useState<string>();
  const create = useCreateToken();
  const full = count >= MAX_TOKENS_PER_USER;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError(t("nameMissing"));
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
          label={t("name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={TOKEN_NAME_MAX}
          placeholder={t("namePlaceholder")}
          error={nameError ?? (error?.fields?.name ? text(error.fields.name, "invalid_request_error") : undefined)}
          hint={t("nameHint")}
        />
        <SelectField label={t("expires")} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
          {expiryOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={create.isPending || full} className="sm:mt-7">
          {create.isPending ? t("pending") : t("submit")}
        </Button>
      </div>
      {full ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("full", { max: MAX_TOKENS_PER_USER })}</p> : null}
      {error && !error.fields?.name ? <Alert tone="error">{text(error.message, error.type)}</Alert> : null}
    </form>
  );
}
