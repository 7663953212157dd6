"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { useServerText } from "@/components/studio/use-server-text";
import { Button } from "@/components/ui/button";
import { AppError } from "@/lib/errors";
import type { AdminUserView } from "@/lib/usage/views";
import { useUpdateAdminUser } from "./use-admin-users";

/** Inline form to set a user's allowance per period, or put them back on the default. */
export function AllowanceEditor({ user, defaultAllowance, onDone }: { user: AdminUserView; defaultAllowance: number | null; onDone: () => void }) {
  const t = useTranslations("admin.editor");
  const { text } = useServerText();
  const id = useId();
  const update = useUpdateAdminUser();
  const [value, setValue] = useState(user.custom && user.allowance !== null ? String(user.allowance) : "");
  const [error, setError] = useState<string | null>(null);

  function save(allowanceCredits: number | null) {
    setError(null);
    update.mutate(
      { id: user.id, patch: { allowanceCredits } },
      {
        onSuccess: onDone,
        onError: (e) => setError(e instanceof AppError ? text(e.fields?.allowanceCredits ?? e.message, e.type) : t("saveFailed")),
      },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const credits = Number(value);
    if (value.trim() === "" || !Number.isFinite(credits) || credits < 0) {
      setError(t("invalid"));
      return;
    }
    save(credits);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" aria-label={t("form", { email: user.email })}>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">
          {t("label", { email: user.email })}
        </label>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          autoFocus
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          placeholder={defaultAllowance === null ? t("placeholder") : String(defaultAllowance)}
          className="h-9 w-28 rounded-md border border-zinc-300 bg-white px-2 text-sm tabular-nums dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button type="submit" className="h-9 px-3" disabled={update.isPending}>
          {t("save")}
        </Button>
        {user.custom ? (
          <Button variant="secondary" className="h-9 px-3" disabled={update.isPending} onClick={() => save(null)}>
            {t("useDefault")}
          </Button>
        ) : null}
        <Button variant="ghost" className="h-9 px-3" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
