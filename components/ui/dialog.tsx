"use client";

import clsx from "clsx";
import { useEffect, useEffectEvent, useRef, type ReactNode } from "react";

/** Dialogs open at once stop the page from scrolling; the last one to close lets it go. */
let scrollLocks = 0;

function lockScroll(): () => void {
  scrollLocks += 1;
  if (scrollLocks === 1) document.documentElement.style.overflow = "hidden";
  return () => {
    scrollLocks -= 1;
    if (scrollLocks === 0) document.documentElement.style.overflow = "";
  };
}

/**
 * A modal dialog on the native <dialog> element: the browser gives it the top layer, an
 * inert page behind it, a focus trap and Escape. React state stays the source of truth:
 * Escape and a click on the backdrop ask `onClose`, they don't close it behind our back.
 * Focus starts on the element marked `data-autofocus` (else the first focusable one) and
 * goes back to whatever opened it, or to `returnFocus` when that is gone (say, the
 * tile of a generation that was just deleted). `focusOnClose`, when it names an element,
 * wins over the opener (say, the neighbour of an item deleted from inside the dialog).
 */
export function Dialog({
  open,
  onClose,
  labelledBy,
  describedBy,
  role,
  returnFocus,
  focusOnClose,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  /** "alertdialog" for confirmations that interrupt. */
  role?: "dialog" | "alertdialog";
  returnFocus?: () => HTMLElement | null | undefined;
  focusOnClose?: () => HTMLElement | null | undefined;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressedBackdrop = useRef(false);
  const requestClose = useEffectEvent(() => onClose());
  const fallbackFocus = useEffectEvent(() => returnFocus?.());
  const firstFocus = useEffectEvent(() => focusOnClose?.());

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    // The body is no opener: focus was nowhere (say, the dialog opened on arrival from a link).
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    if (!dialog.open) dialog.showModal();
    // Focus starts on the element marked data-autofocus, else the browser's pick (the first focusable).
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    const unlock = lockScroll();
    const onCancel = (event: Event) => {
      event.preventDefault();
      requestClose();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      unlock();
      const chosen = firstFocus();
      if (chosen) return chosen.focus();
      if (opener?.isConnected) return opener.focus({ preventScroll: true });
      // Not where the page was when the dialog opened, so it may need scrolling into view.
      fallbackFocus()?.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-modal="true"
      // A press and release whose target is the <dialog> itself is on the backdrop (the content
      // fills the box); checking both ends keeps a text selection dragged outside from closing it.
      onMouseDown={(event) => {
        pressedBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        if (pressedBackdrop.current && event.target === event.currentTarget) onClose();
        pressedBackdrop.current = false;
      }}
      className={clsx(
        "bg-transparent p-0 text-zinc-900 backdrop:bg-zinc-950/60 backdrop:backdrop-blur-[2px] open:flex dark:text-zinc-100",
        className,
      )}
    >
      {open ? children : null}
    </dialog>
  );
}
