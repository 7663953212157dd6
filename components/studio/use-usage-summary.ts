"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { UsageSummaryView } from "@/lib/usage/views";

/**
 * Under queryKeys.usage.all(), so a generation that is created or settles (which
 * invalidates that prefix) refreshes it with every other usage figure.
 */
export const usageSummaryKey = () => [...queryKeys.usage.all(), "summary"] as const;

/**
 * Budget and totals: the Usage page, and the budget hint in the header and under every
 * submit button. Refreshed every minute too, for spend made in other tabs.
 */
export function useUsageSummary(initialData?: UsageSummaryView) {
  return useQuery({
    queryKey: usageSummaryKey(),
    queryFn: ({ signal }) => apiFetch<UsageSummaryView>("/api/usage/summary", { signal }),
    initialData,
    refetchInterval: 60_000,
  });
}
