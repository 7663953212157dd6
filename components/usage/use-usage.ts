"use client";

import { useInfiniteQuery, useQuery, type InfiniteData } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { LEDGER_PAGE_SIZE, type DailyUsageView, type LedgerPageView, type UsageSummaryView } from "@/lib/usage/views";
import { usageKeys } from "./keys";

/** Budget and totals. Refreshed every minute too, for spend made in other tabs. */
export function useUsageSummary(initialData?: UsageSummaryView) {
  return useQuery({
    queryKey: usageKeys.summary(),
    queryFn: ({ signal }) => apiFetch<UsageSummaryView>("/api/usage/summary", { signal }),
    initialData,
    refetchInterval: 60_000,
  });
}

export function useDailyUsage(days: number, initialData?: DailyUsageView) {
  return useQuery({
    queryKey: usageKeys.daily(days),
    queryFn: ({ signal }) => apiFetch<DailyUsageView>(`/api/usage/daily?days=${days}`, { signal }),
    initialData,
  });
}

export function useLedger(initialPage?: LedgerPageView) {
  return useInfiniteQuery({
    queryKey: usageKeys.ledger(),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<LedgerPageView>(`/api/usage?limit=${LEDGER_PAGE_SIZE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initialPage ? ({ pages: [initialPage], pageParams: [null] } satisfies InfiniteData<LedgerPageView, string | null>) : undefined,
  });
}
