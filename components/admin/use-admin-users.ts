"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { AdminUserView, AdminUsersView } from "@/lib/usage/views";

export const adminKeys = {
  all: () => ["admin"] as const,
  users: () => ["admin", "users"] as const,
};

export function useAdminUsers(initialData?: AdminUsersView) {
  return useQuery({
    queryKey: adminKeys.users(),
    queryFn: ({ signal }) => apiFetch<AdminUsersView>("/api/admin/users", { signal }),
    initialData,
  });
}

export type AdminUserPatch = { allowanceCredits?: number | null; disabled?: boolean };

function useApplyUserChange() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (user: AdminUserView) => {
      queryClient.setQueryData<AdminUsersView>(adminKeys.users(), (prev) => (prev ? { ...prev, users: prev.users.map((u) => (u.id === user.id ? user : u)) } : prev));
    },
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: adminKeys.users() }), queryClient.invalidateQueries({ queryKey: queryKeys.usage.all() })]),
  };
}

/** Makes a user an administrator (the server records who did it and when). */
export function usePromoteAdminUser() {
  const apply = useApplyUserChange();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ user: AdminUserView }>(`/api/admin/users/${encodeURIComponent(id)}/promote`, { method: "POST" }).then((r) => r.user),
    ...apply,
  });
}

/** One user's change; the list (and the admin's own budget, if they changed themselves) refresh after. */
export function useUpdateAdminUser() {
  const apply = useApplyUserChange();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: AdminUserPatch }) =>
      apiFetch<{ user: AdminUserView }>(`/api/admin/users/${encodeURIComponent(id)}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(patch),
      }).then((r) => r.user),
    ...apply,
  });
}
