"use client";

import { Share2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { GenerationView } from "@/lib/generations/view";
import { ShareDialog } from "./share-dialog";

/** Opens the share dialog; only a finished generation with a result can be shared. */
export function ShareButton({ generation: g }: { generation: GenerationView }) {
  const t = useTranslations("share");
  const [open, setOpen] = useState(false);
  if (g.status !== "completed" || g.outputs.length === 0) return null;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        className="inline-flex h-9 items-center gap-1.5 self-start rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        <Share2 aria-hidden size={16} />
        {t("button")}
      </button>
      {open ? <ShareDialog generation={g} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
