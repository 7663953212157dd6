"use client";

import { useHydrated } from "@/components/studio/use-hydrated";
import { useFormat } from "@/lib/format/use-format";

/**
 * An instant in the visitor's own time zone. The server does not know that zone, so it
 * renders the UTC day, and the browser swaps in the local date and time once hydrated.
 */
export function LocalDate({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  const { formatDateTime, formatUtcDay } = useFormat();
  return <time dateTime={iso}>{hydrated ? formatDateTime(iso) : formatUtcDay(iso, true)}</time>;
}
