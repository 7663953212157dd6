"use client";

import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

/**
 * Asks before something that can't be undone. Focus starts on Cancel, so a stray Enter
 * keeps things as they are; the confirm button says what will happen, not "OK".
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending = false,
  error,
  onConfirm,
  onCancel,
  returnFocus,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending?: boolean;
  /** Shown above the buttons when the action failed, so the person can retry or cancel. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  returnFocus?: () => HTMLElement | null | undefined;
}) {
  const t = useTranslations("common");
  const id = useId();
  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!pending) onCancel();
      }}
      role="alertdialog"
      labelledBy={`${id}-title`}
      describedBy={`${id}-body`}
      returnFocus={returnFocus}
      className="m-auto w-[calc(100%-2rem)] max-w-md"
    >
      <div className="w-full rounded-xl border border-zinc-200 bg-white p-5 shadow-xl sm:p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        <div id={`${id}-body`} className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          {children}
        </div>
        {error ? <div className="mt-4">{error}</div> : null}
        <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button data-autofocus variant="secondary" onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button variant="danger" onClick={onConfirm} disabled={pending} aria-busy={pending}>
            {pending ? <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-white/40 border-t-white" /> : null}
            {pending ? (pendingLabel ?? confirmLabel) : confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
