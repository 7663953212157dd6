"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "./copy-button";
import type { CreatedToken } from "./use-tokens";

/** The one moment the token is visible: copy it now, it is stored only as a hash. */
export function NewTokenNotice({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const t = useTranslations("tokens.notice");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <section aria-labelledby="new-token-title" className="rounded-xl border border-emerald-300 bg-emerald-50 p-4 sm:p-5 dark:border-emerald-800 dark:bg-emerald-950/40">
      <h2 id="new-token-title" className="font-semibold text-emerald-900 dark:text-emerald-100">
        {t("title", { name: token.name })}
      </h2>
      <p className="mt-1 text-sm text-emerald-900/80 dark:text-emerald-100/80">{t("body")}</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-token-value" className="sr-only">
          {t("label")}
        </label>
        <input
          id="new-token-value"
          ref={input}
          readOnly
          value={token.token}
          onFocus={(e) => e.currentTarget.select()}
          className="h-10 min-w-0 flex-1 rounded-md border border-emerald-300 bg-white px-3 font-mono text-sm text-zinc-900 dark:border-emerald-800 dark:bg-zinc-950 dark:text-zinc-100"
        />
        <div className="flex gap-2">
          <CopyButton text={token.token} label={t("copy")} what={t("what")} className="flex-1 sm:flex-none" />
          <Button variant="ghost" onClick={onDone} className="flex-1 sm:flex-none">
            {t("done")}
          </Button>
        </div>
      </div>
    </section>
  );
}
