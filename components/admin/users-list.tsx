"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useServerText } from "@/components/studio/use-server-text";
import { useFormat } from "@/lib/format/use-format";
import type { AdminUserView, AdminUsersView } from "@/lib/usage/views";
import { AllowanceEditor } from "./allowance-editor";
import { PromoteButton } from "./promote-button";
import { useAdminUsers, useUpdateAdminUser } from "./use-admin-users";

function Badge({ tone, children }: { tone: "accent" | "red" | "zinc"; children: string }) {
  return (
    <span
      className={clsx(
        "inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        tone === "accent" && "bg-accent-50 text-accent-700 ring-accent-100 dark:bg-accent-700/20 dark:text-accent-400 dark:ring-accent-700/40",
        tone === "red" && "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-900",
        tone === "zinc" && "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
      )}
    >
      {children}
    </span>
  );
}

function UsageBar({ user }: { user: AdminUserView }) {
  const used = user.spent.settled + user.spent.held;
  if (user.allowance === null || user.allowance === 0) return null;
  const pct = Math.min(100, (used / user.allowance) * 100);
  return (
    <div className="mt-1.5 h-1.5 w-full max-w-48 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" aria-hidden>
      <div className={clsx("h-full", pct >= 90 ? "bg-amber-500" : "bg-accent-600")} style={{ width: `${pct}%` }} />
    </div>
  );
}

function UserRow({ user, self, defaultAllowance, period }: { user: AdminUserView; self: boolean; defaultAllowance: number | null; period: AdminUsersView["period"] }) {
  const t = useTranslations("admin");
  const tp = useTranslations("budget.period");
  const { formatCreditNumber, formatCredits } = useFormat();
  const { errorText } = useServerText();
  const [editing, setEditing] = useState(false);
  // Disabling signs the person out at once, so it asks first; enabling does not.
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const update = useUpdateAdminUser();
  const used = user.spent.settled + user.spent.held;
  return (
    <li
      aria-label={user.email}
      className={clsx(
        "grid grid-cols-2 gap-x-4 gap-y-3 px-5 py-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1.2fr)_minmax(0,1.6fr)_minmax(0,1.5fr)] md:items-center",
        user.disabled && "bg-zinc-50 dark:bg-zinc-900/40",
      )}
    >
      <div className="col-span-2 min-w-0 md:col-span-1">
        <p className={clsx("truncate text-sm font-medium", user.disabled && "text-zinc-600 dark:text-zinc-400")}>{user.email}</p>
        <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
          {user.name ? <span className="mr-1 truncate">{user.name}</span> : null}
          {user.role === "admin" ? <Badge tone="accent">{t("badge.admin")}</Badge> : null}
          {self ? <Badge tone="zinc">{t("badge.you")}</Badge> : null}
          {user.disabled ? <Badge tone="red">{t("badge.disabled")}</Badge> : null}
        </div>
      </div>
      <div className="text-sm">
        <p className="text-xs text-zinc-600 md:hidden dark:text-zinc-400">{t("spent", { period: tp(period) })}</p>
        <p className="tabular-nums">
          <span className="font-medium">{formatCreditNumber(used)}</span>
          {user.spent.held > 0 ? <span className="text-zinc-600 dark:text-zinc-400">{t("onHold", { amount: formatCreditNumber(user.spent.held) })}</span> : null}
        </p>
        <UsageBar user={user} />
      </div>
      <div className={clsx("text-sm", editing && "col-span-2 md:col-span-1")}>
        <p className="text-xs text-zinc-600 md:hidden dark:text-zinc-400">{t("allowance")}</p>
        {editing ? (
          <AllowanceEditor user={user} defaultAllowance={defaultAllowance} onDone={() => setEditing(false)} />
        ) : (
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="tabular-nums" data-testid="allowance">
              {user.allowance === null ? t("unlimitedAllowance") : formatCredits(user.allowance)}
            </span>
            <span className="text-xs text-zinc-600 dark:text-zinc-400">{user.custom ? t("custom") : t("default")}</span>
            <button
              type="button"
              onClick={() => setEditing(true)}
              aria-label={t("changeLabel", { email: user.email })}
              className="rounded-md px-1.5 py-1 text-sm font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-700/20"
            >
              {t("change")}
            </button>
          </div>
        )}
      </div>
      <div className="col-span-2 flex flex-col items-start gap-1 md:col-span-1 md:items-end">
        <div className="flex flex-wrap items-center gap-1 md:justify-end">
          {user.role === "admin" || user.disabled ? null : <PromoteButton user={user} />}
          <button
            type="button"
            className={clsx(
              "h-9 rounded-md px-3 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-40",
              user.disabled
                ? "border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
                : "-ml-3 text-red-700 enabled:hover:bg-red-50 md:ml-0 dark:text-red-400 dark:enabled:hover:bg-red-950/40",
            )}
            disabled={self || update.isPending}
            title={self ? t("ownAccount") : undefined}
            aria-label={t(user.disabled ? "enableLabel" : "disableLabel", { email: user.email })}
            onClick={() =>
              user.disabled
                ? update.mutate(
                    { id: user.id, patch: { disabled: false } },
                    // Not about any field: a toast, so the row keeps its shape.
                    { onError: (error) => toast.error(t("enableFailed", { email: user.email }), { description: errorText(error, error.message) }) },
                  )
                : setConfirmingDisable(true)
            }
          >
            {user.disabled ? t("enable") : t("disable")}
          </button>
        </div>
        <ConfirmDialog
          open={confirmingDisable}
          title={t("disableTitle", { email: user.email })}
          confirmLabel={t("disableConfirm")}
          pendingLabel={t("disabling")}
          pending={update.isPending}
          // A failed disable shows inside the dialog that asked for it, so Retry and Cancel sit next to it.
          error={update.isError && confirmingDisable ? <Alert>{errorText(update.error, update.error.message)}</Alert> : null}
          onCancel={() => setConfirmingDisable(false)}
          onConfirm={() => update.mutate({ id: user.id, patch: { disabled: true } }, { onSuccess: () => setConfirmingDisable(false) })}
        >
          {t("disableBody")}
        </ConfirmDialog>
      </div>
    </li>
  );
}

/** Every account with this period's spend; admins change allowances and disable accounts here. */
export function UsersList({ initialData }: { initialData: AdminUsersView }) {
  const t = useTranslations("admin");
  const tp = useTranslations("budget.period");
  const { errorText } = useServerText();
  const query = useAdminUsers(initialData);
  const data = query.data ?? initialData;
  return (
    <div>
      {query.isError ? (
        <div className="mb-4">
          <Alert title={t("refreshFailed")}>{errorText(query.error, query.error.message)}</Alert>
        </div>
      ) : null}
      <div className="hidden grid-cols-[minmax(0,2fr)_minmax(0,1.2fr)_minmax(0,1.6fr)_minmax(0,1.5fr)] gap-x-4 border-b border-zinc-200 px-5 pb-2 text-xs font-medium uppercase tracking-wide text-zinc-600 md:grid dark:border-zinc-800 dark:text-zinc-400" aria-hidden>
        <span>{t("columns.user")}</span>
        <span>{t("spent", { period: tp(data.period) })}</span>
        <span>{t("columns.allowance")}</span>
        <span className="text-right">{t("columns.access")}</span>
      </div>
      <ul aria-label={t("users")} className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
        {data.users.map((u) => (
          <UserRow key={u.id} user={u} self={u.id === data.currentUserId} defaultAllowance={data.defaultAllowance} period={data.period} />
        ))}
      </ul>
    </div>
  );
}
