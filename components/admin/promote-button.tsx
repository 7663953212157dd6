"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { AdminUserView } from "@/lib/usage/views";
import { usePromoteAdminUser } from "./use-admin-users";

/**
 * "Make admin", after a confirmation: the only way an account other than the first (or one
 * ADMIN_EMAILS lists and its OAuth provider verified) gets admin rights. The server records who did it.
 */
export function PromoteButton({ user }: { user: AdminUserView }) {
  const [confirming, setConfirming] = useState(false);
  const promote = usePromoteAdminUser();
  return (
    <>
      <button
        type="button"
        className="-ml-3 h-9 rounded-md px-3 text-sm font-medium text-accent-700 transition-colors enabled:hover:bg-accent-50 disabled:cursor-not-allowed disabled:opacity-40 md:ml-0 dark:text-accent-400 dark:enabled:hover:bg-accent-700/20"
        disabled={promote.isPending}
        aria-label={`Make ${user.email} an admin`}
        onClick={() => {
          promote.reset();
          setConfirming(true);
        }}
      >
        Make admin
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Make ${user.email} an admin?`}
        confirmLabel="Make admin"
        pendingLabel="Promoting…"
        pending={promote.isPending}
        error={
          promote.isError ? (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {promote.error.message}
            </p>
          ) : null
        }
        onCancel={() => setConfirming(false)}
        onConfirm={() => promote.mutate(user.id, { onSuccess: () => setConfirming(false) })}
      >
        They will see every account, change allowances, disable people and make other admins. This page can&apos;t take admin
        rights back.
      </ConfirmDialog>
    </>
  );
}
