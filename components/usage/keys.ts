import { queryKeys } from "@/lib/query-keys";

/**
 * The Usage page's own keys, all under queryKeys.usage.all(), so a generation that is
 * created or settles (which invalidates that prefix) refreshes every figure at once. The
 * summary's key is the kit's (components/studio/use-usage-summary): the budget hint reads it.
 */
export const usageKeys = {
  daily: (days: number) => [...queryKeys.usage.all(), "daily", days] as const,
  ledger: () => [...queryKeys.usage.all(), "ledger"] as const,
};
