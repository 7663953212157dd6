"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ApiTokenView } from "@/lib/api-tokens/view";
import { useTokenDates } from "./token-dates";
import { useRevokeToken } from "./use-tokens";

/** The user's live tokens; revoking is one click and takes effect on the token's next request. */
export function TokensList({ tokens }: { tokens: ApiTokenView[] }) {
  const tl = useTranslations("tokens.list");
  const { formatDay, formatExpiry, formatLastUsed } = useTokenDates();
  const revoke = useRevokeToken();
  if (tokens.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{tl("empty")}</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <ul aria-label={tl("label")} className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {tokens.map((t) => (
          <li key={t.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:gap-6">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium text-zinc-900 dark:text-zinc-100">{t.name}</p>
              <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{t.prefix}…</p>
            </div>
            <dl className="grid grid-cols-3 gap-4 text-sm sm:flex sm:gap-6">
              <div>
                <dt className="text-xs text-zinc-600 dark:text-zinc-400">{tl("created")}</dt>
                <dd className="text-zinc-900 tabular-nums dark:text-zinc-100">{formatDay(t.createdAt)}</dd>
              </div>
              <div>
                <dt className="text-xs text-zinc-600 dark:text-zinc-400">{tl("lastUsed")}</dt>
                <dd className="text-zinc-900 tabular-nums dark:text-zinc-100">{formatLastUsed(t.lastUsedAt)}</dd>
              </div>
              <div>
                <dt className="text-xs text-zinc-600 dark:text-zinc-400">{tl("expires")}</dt>
                <dd className={t.expired ? "text-red-700 dark:text-red-300" : "text-zinc-900 tabular-nums dark:text-zinc-100"}>{formatExpiry(t)}</dd>
              </div>
            </dl>
            <Button
              variant="secondary"
              className="text-red-700 dark:text-red-300"
              disabled={revoke.isPending && revoke.variables === t.id}
              onClick={() => revoke.mutate(t.id)}
              aria-label={tl("revokeLabel", { name: t.name })}
            >
              {revoke.isPending && revoke.variables === t.id ? tl("revoking") : tl("revoke")}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
