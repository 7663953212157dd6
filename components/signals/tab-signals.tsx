"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useFormat } from "@/lib/format/use-format";
import type { GenerationStatus, GenerationTileView } from "@/lib/generations/view";
import { NotifyButton } from "./notify-button";
import { justFinished, knownGenerations, runningSummary } from "./running-summary";

/**
 * Signals outside the page while generations run, from what this tab already watches (the
 * React Query cache: result cards and gallery pages poll their pending items; nothing is
 * fetched for this). The tab title shows how many run and how far they are; when one ends
 * while the tab is hidden, a browser notification says so (if the user allowed them, see
 * NotifyButton, offered in a corner only while something runs), and clicking it opens the
 * item in the gallery.
 */
export function TabSignals() {
  const t = useTranslations("signals");
  const tKind = useTranslations("studio.kind");
  const { formatPercent } = useFormat();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const [summary, setSummary] = useState<{ count: number; progress: number } | null>(null);
  const title = summary ? t("title", { count: summary.count, percent: formatPercent(summary.progress) }) : null;
  const statuses = useRef(new Map<string, GenerationStatus>());
  const pageTitle = useRef<string | null>(null);
  // The last title this component wrote: anything else in document.title is the page's own.
  const written = useRef<string | null>(null);

  const notify = useEffectEvent((g: GenerationTileView) => {
    if (typeof Notification === "undefined" || Notification.permission !== "granted" || document.visibilityState !== "hidden") return;
    const done = g.status === "completed";
    const kind = tKind(g.kind);
    const note = new Notification(done ? t("ready", { kind }) : t("failed", { kind }), { body: g.prompt.slice(0, 140), tag: g.id });
    note.onclick = () => {
      window.focus();
      router.push(`/gallery?open=${encodeURIComponent(g.id)}`);
      note.close();
    };
  });

  useEffect(() => {
    const cache = queryClient.getQueryCache();
    const look = () => {
      const known = knownGenerations(cache.findAll({ queryKey: ["generations"] }).map((q) => q.state.data));
      for (const g of justFinished(statuses.current, known)) notify(g);
      statuses.current = new Map([...known].map(([id, g]) => [id, g.status]));
      setSummary((before) => {
        const now = runningSummary(known.values());
        return before && now && before.count === now.count && before.progress === now.progress ? before : now;
      });
    };
    look();
    return cache.subscribe(look);
  }, [queryClient]);

  useEffect(() => {
    // Remember the page's own title (Next sets it per page) to put back when nothing runs.
    const current = document.title;
    const ours = current === written.current;
    if (!ours) pageTitle.current = current;
    if (title) {
      document.title = title;
      written.current = title;
    } else if (ours && pageTitle.current) {
      document.title = pageTitle.current;
      written.current = null;
    }
  }, [title, pathname]);

  return title ? (
    <div className="fixed right-3 bottom-3 z-30 rounded-lg border border-zinc-200 bg-white/95 shadow-sm backdrop-blur empty:hidden dark:border-zinc-800 dark:bg-zinc-900/95">
      <NotifyButton />
    </div>
  ) : null;
}
