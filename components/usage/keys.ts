import { queryKeys } from "@/lib/query-keys";

/**
 * The Usage page's keys, all under queryKeys.usage.all(), so a generation that is created
 * or settles (which invalidates that prefix) refreshes every figure at once.
 */
export const usageKeys = {
  summary: () => [...queryKeys.usage.all(), "summary"] as const,
  daily: (days: number) => [...queryKeys.usage.all(), "daily", days] as const,
  ledger: () => [...queryKeys.usage.all(), "ledger"] as const,
};
