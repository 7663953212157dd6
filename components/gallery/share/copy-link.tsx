"use client";

import { Copy, ExternalLink } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useCopyText } from "@/components/studio/copy-text";

/** The link, read-only and selectable, with Copy and Open next to it. */
export function CopyLink({ url }: { url: string }) {
  const t = useTranslations("share");
  const copyText = useCopyText();
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {t("link")}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-2.5 font-mono text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200"
        />
        <button
          type="button"
          onClick={() => void copyText(url, t("link"))}
          className="inline-flex h-9 items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          <Copy aria-hidden size={15} />
          {t("copy")}
        </button>
        <a href={url} target="_blank" rel="noopener" aria-label={t("open")} className="inline-flex h-9 w-9 items-center justify-center rounded-md border border-zinc-300 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
          <ExternalLink aria-hidden size={15} />
        </a>
      </div>
    </div>
  );
}
