"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ErrorMessage, toErrorLike } from "@/components/studio/error-message";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { GenerationView } from "@/lib/generations/view";
import { CopyLink } from "./copy-link";
import { ShareSwitch } from "./share-switch";
import { useSetShare, useShares } from "./use-shares";

/**
 * Sharing one generation: a switch for its public link, whether the prompt shows, and the
 * link to copy. Anyone with the link sees the result; turning it off ends that at once.
 */
export function ShareDialog({ generation: g, onClose }: { generation: GenerationView; onClose: () => void }) {
  const t = useTranslations("share");
  const titleId = useId();
  const shares = useShares();
  const set = useSetShare();
  const current = shares.data?.find((s) => s.generationId === g.id);
  const on = Boolean(current);
  const busy = set.isPending || shares.isFetching;

  return (
    <Dialog open onClose={onClose} labelledBy={titleId} className="m-auto w-[calc(100%-2rem)] max-w-md">
      <div className="flex w-full flex-col gap-4 rounded-xl bg-white p-5 shadow-xl dark:bg-zinc-900">
        <h2 id={titleId} className="text-base font-semibold">
          {t("title")}
        </h2>
        <div className="flex items-start justify-between gap-4">
          <div>
            <p className="text-sm font-medium">{t("publicLink")}</p>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{on ? t("onBody") : t("offBody")}</p>
          </div>
          <ShareSwitch label={t("publicLink")} checked={on} disabled={busy || shares.isPending} onChange={(next) => set.mutate({ id: g.id, on: next })} />
        </div>
        {current ? (
          <>
            <label className="flex items-center gap-2.5 text-sm">
              <input
                type="checkbox"
                checked={current.hidePrompt}
                disabled={busy}
                onChange={(e) => set.mutate({ id: g.id, on: true, hidePrompt: e.target.checked })}
                className="h-4 w-4 accent-accent-600"
              />
              {t("hidePrompt")}
            </label>
            <CopyLink url={current.url} />
          </>
        ) : null}
        {set.error ? <ErrorMessage error={toErrorLike(set.error)} /> : null}
        <div className="flex justify-between gap-2">
          <a href="/shared" className="self-center text-sm font-medium text-accent-700 hover:underline dark:text-accent-400">
            {t("all")}
          </a>
          <Button variant="secondary" onClick={onClose} data-autofocus>
            {t("done")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
