"use client";

import Image from "next/image";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage, toErrorLike } from "@/components/studio/error-message";
import type { ShareView } from "@/lib/shares/view";
import { CopyLink } from "./copy-link";
import { ShareSwitch } from "./share-switch";
import { useSetShare, useShares } from "./use-shares";

/**
 * Everything the user shares, each with its switch. A link turned off stays in the list
 * (switched off) until the page is left, so a slip can be switched back on; that makes a
 * new link, since the old one must stay dead.
 */
export function SharedList() {
  const t = useTranslations("share.list");
  const shares = useShares();
  const set = useSetShare();
  const [turnedOff, setTurnedOff] = useState<ShareView[]>([]);

  if (shares.isPending) return <div role="status" aria-label={t("loading")} className="h-40 animate-pulse rounded-lg bg-zinc-100 motion-reduce:animate-none dark:bg-zinc-800" />;
  if (shares.isError) return <ErrorMessage error={toErrorLike(shares.error)} />;

  const live = shares.data;
  const rows = [...live.map((s) => ({ share: s, on: true })), ...turnedOff.filter((s) => !live.some((l) => l.generationId === s.generationId)).map((s) => ({ share: s, on: false }))];
  if (rows.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t.rich("empty", {
          gallery: (chunks) => (
            <Link href="/gallery" className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-400">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  }

  return (
    <>
      {set.error ? <ErrorMessage error={toErrorLike(set.error)} /> : null}
      <ul aria-label={t("label")} className="flex flex-col divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {rows.map(({ share: s, on }) => (
          <li key={s.generationId} className="flex flex-col gap-3 p-4">
            <div className="flex items-center gap-3">
              <div className="relative h-14 w-14 shrink-0 overflow-hidden rounded-md bg-zinc-100 dark:bg-zinc-800">
                {s.thumbUrl ? <Image src={s.thumbUrl} alt="" fill unoptimized sizes="56px" className="object-cover" /> : null}
              </div>
              <div className="min-w-0 flex-1">
                <Link href={`/gallery?open=${encodeURIComponent(s.generationId)}`} className="line-clamp-2 text-sm font-medium hover:underline">
                  {s.prompt}
                </Link>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">{on ? (s.hidePrompt ? t("hidden") : t("withPrompt")) : t("off")}</p>
              </div>
              <ShareSwitch
                label={t("switch", { prompt: s.prompt.slice(0, 60) })}
                checked={on}
                disabled={set.isPending}
                onChange={(next) =>
                  set.mutate(
                    { id: s.generationId, on: next, hidePrompt: s.hidePrompt },
                    { onSuccess: () => setTurnedOff((list) => (next ? list.filter((x) => x.generationId !== s.generationId) : [...list, s])) },
                  )
                }
              />
            </div>
            {on ? (
              <div className="sm:pl-[4.25rem]">
                <CopyLink url={s.url} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
