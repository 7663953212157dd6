"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { toast } from "sonner";
import { AppError } from "@/lib/errors";
import { isTerminal } from "@/lib/generations/view";
import { useWatching } from "./results-store";
import { useServerText } from "./use-server-text";
import { useGenerations } from "./use-generation";

/**
 * Follows the videos started in this tab until they finish, from whichever studio page the
 * person is on, and says so with a toast when one finishes while they are elsewhere (the
 * video page shows it in its results already). Only unfinished videos are polled, through
 * the same per-generation query the result cards use.
 */
export function TaskWatcher() {
  const t = useTranslations("studio.watcher");
  const { text } = useServerText();
  const watching = useWatching("video");
  const queries = useGenerations(watching.ids);
  const pathname = usePathname();
  const router = useRouter();

  const finished = queries.flatMap((q) => (q.data && isTerminal(q.data.status) ? [q.data] : []));
  // Deleted, or not this account's: nothing to wait for.
  const gone = watching.ids.filter((_, i) => {
    const error = queries[i]?.error;
    return error instanceof AppError && error.status >= 400 && error.status < 500 && error.type !== "rate_limit_error";
  });

  useEffect(() => {
    for (const g of finished) {
      watching.done(g.id);
      if (pathname === "/video") continue;
      const open = () => router.push(`/gallery?open=${encodeURIComponent(g.id)}`);
      if (g.status === "completed") {
        toast.success(t("videoReady"), { id: `ready-${g.id}`, description: g.prompt.slice(0, 80), action: { label: t("open"), onClick: open }, duration: 10_000 });
      } else {
        toast.error(t("videoFailed"), {
          id: `ready-${g.id}`,
          description: g.error ? text(g.error.message, g.error.type) : g.prompt.slice(0, 80),
          action: { label: t("details"), onClick: open },
          duration: 10_000,
        });
      }
    }
    for (const id of gone) watching.done(id);
  });

  return null;
}
