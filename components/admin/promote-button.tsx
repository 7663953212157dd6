"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useServerText } from "@/components/studio/use-server-text";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { AdminUserView } from "@/lib/usage/views";
import { usePromoteAdminUser } from "./use-admin-users";

/**
 * "Make admin", after a confirmation: the only way an account other than the first (or one
 * ADMIN_EMAILS lists and its OAuth provider verified) gets admin rights. The server records who did it.
 */
export function PromoteButton({ user }: { user: AdminUserView }) {
  const t = useTranslations("admin.promote");
  const { errorText } = useServerText();
  const [confirming, setConfirming] = useState(false);
  const promote = usePromoteAdminUser();
  return (
    <>
      <button
        type="button"
        className="-ml-3 h-9 rounded-md px-3 text-sm font-medium text-accent-700 transition-colors enabled:hover:bg-accent-50 disabled:cursor-not-allowed disabled:opacity-40 md:ml-0 dark:text-accent-400 dark:enabled:hover:bg-accent-700/20"
        disabled={promote.isPending}
        aria-label={t("label", { email: user.email })}
        onClick={() => {
          promote.reset();
          setConfirming(true);
        }}
      >
        {t("button")}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t("title", { email: user.email })}
        confirmLabel={t("button")}
        pendingLabel={t("pending")}
        pending={promote.isPending}
        error={
          promote.isError ? (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {errorText(promote.error, promote.error.message)}
            </p>
          ) : null
        }
        onCancel={() => setConfirming(false)}
        onConfirm={() => promote.mutate(user.id, { onSuccess: () => setConfirming(false) })}
      >
        {t("body")}
      </ConfirmDialog>
    </>
  );
}
