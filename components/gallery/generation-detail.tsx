"use client";

import { useId, useState } from "react";
import { ErrorMessage, toErrorLike } from "@/components/generations/error-message";
import { CloseIcon } from "@/components/generations/icons";
import { useGeneration } from "@/components/generations/use-generation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { AppError } from "@/lib/errors";
import type { GenerationView } from "@/lib/generations/view";
import { DetailActions } from "./detail-actions";
import { DetailFacts } from "./detail-facts";
import { DetailMedia, OutputPicker } from "./detail-media";
import { KIND_LABEL, thingName } from "./generation-format";
import { StatusBadge } from "./status-badge";
import { useDeleteGeneration } from "./use-delete-generation";

function CopyPromptButton({ prompt }: { prompt: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard?.writeText(prompt).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
      className="rounded px-1.5 py-0.5 text-xs font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-700/20"
    >
      {copied ? "Copied" : "Copy prompt"}
    </button>
  );
}

function deleteConsequence(g: GenerationView): string {
  const files = g.outputs.length + g.inputs.length;
  const what = files === 0 ? "It is removed from your gallery." : `It is removed from your gallery and its ${files === 1 ? "file is" : `${files} files are`} deleted for good.`;
  return `${what} Credits already used stay in your usage history.`;
}

/**
 * The detail view of one generation, as a dialog over the gallery (full screen on phones).
 * It opens at once with what the list already knows, then follows the generation live, so a
 * running one shows its progress and turns into its result in place.
 */
export function GenerationDetail({
  id,
  initial,
  onClose,
  onDeleted,
  returnFocus,
}: {
  id: string;
  initial: GenerationView | undefined;
  onClose: () => void;
  onDeleted: (generation: GenerationView) => void;
  returnFocus: () => HTMLElement | null | undefined;
}) {
  const titleId = useId();
  const query = useGeneration(id);
  const g = query.data ?? initial;
  const [selected, setSelected] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteGeneration();
  const gone = !g && query.error instanceof AppError && query.error.status === 404;

  const header = (
    <header className="sticky top-0 z-10 flex items-center gap-3 border-b border-zinc-200 bg-white/95 px-5 py-3 backdrop-blur md:static md:col-start-2 md:row-start-1 md:bg-transparent dark:border-zinc-800 dark:bg-zinc-900/95">
      <h2 id={titleId} className="flex-1 truncate text-base font-semibold">
        {g ? `${KIND_LABEL[g.kind]} details` : gone ? "Not found" : "Loading…"}
      </h2>
      {g ? <StatusBadge status={g.status} /> : null}
      <button
        type="button"
        onClick={onClose}
        aria-label="Close"
        className="-mr-2 inline-flex h-9 w-9 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <CloseIcon width={18} height={18} />
      </button>
    </header>
  );

  return (
    <Dialog
      open
      onClose={onClose}
      labelledBy={titleId}
      returnFocus={returnFocus}
      className="m-0 h-dvh max-h-none w-full max-w-none sm:m-auto sm:h-auto sm:max-h-[92dvh] sm:w-[calc(100%-3rem)] sm:max-w-6xl"
    >
      <div className="grid w-full overflow-y-auto overscroll-contain bg-white sm:rounded-xl md:h-[min(90dvh,54rem)] md:grid-cols-[minmax(0,1fr)_24rem] md:grid-rows-[auto_minmax(0,1fr)] md:overflow-hidden dark:bg-zinc-900">
        {header}
        {g ? (
          <>
            <div className="flex flex-col bg-zinc-950 md:col-start-1 md:row-span-2 md:row-start-1 md:min-h-0">
              <div className="relative md:min-h-0 md:flex-1">
                <DetailMedia generation={g} selected={selected} />
              </div>
              <OutputPicker generation={g} selected={selected} onSelect={setSelected} />
            </div>
            <div className="flex flex-col gap-6 p-5 md:col-start-2 md:row-start-2 md:overflow-y-auto">
              <div>
                <div className="flex items-center justify-between gap-2">
                  <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Prompt</h3>
                  <CopyPromptButton prompt={g.prompt} />
                </div>
                <p className="mt-1.5 text-sm leading-relaxed break-words whitespace-pre-wrap">{g.prompt}</p>
              </div>
              <DetailActions generation={g} output={g.outputs[selected] ?? g.outputs[0]} onDelete={() => setConfirming(true)} />
              <DetailFacts generation={g} />
            </div>
          </>
        ) : (
          <div className="p-6 md:col-span-2">
            {gone ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">This generation was deleted, or the link is wrong.</p>
            ) : query.error ? (
              <ErrorMessage error={toErrorLike(query.error)} />
            ) : (
              <div role="status" aria-label="Loading the generation" className="h-64 animate-pulse rounded-lg bg-zinc-100 motion-reduce:animate-none dark:bg-zinc-800" />
            )}
          </div>
        )}
      </div>

      {g ? (
        <ConfirmDialog
          open={confirming}
          title={`Delete ${thingName(g)}?`}
          confirmLabel="Delete"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error ? <ErrorMessage error={toErrorLike(remove.error)} /> : undefined}
          onCancel={() => {
            setConfirming(false);
            remove.reset();
          }}
          onConfirm={() =>
            remove.mutate(g.id, {
              onSuccess: () => {
                setConfirming(false);
                onDeleted(g);
              },
            })
          }
        >
          <p>{deleteConsequence(g)}</p>
        </ConfirmDialog>
      ) : null}
    </Dialog>
  );
}
