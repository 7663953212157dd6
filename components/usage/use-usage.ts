"use client";

import { useInfiniteQuery, useQuery, type InfiniteData } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-fetch";
import { LEDGER_PAGE_SIZE, type DailyUsageView, type LedgerPageView } from "@/lib/usage/views";
import { usageKeys } from "./keys";

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
