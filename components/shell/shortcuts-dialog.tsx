"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** The account menu's "Keyboard shortcuts" item asks for the dialog with this event. */
export const SHORTCUTS_EVENT = "studio:shortcuts";

/** Typing a "?" into a field is text, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

const GROUPS = [
  { group: "everywhere", rows: [["help", "?"], ["tab", "tab"], ["skip", "tab"], ["escape", "escape"]] },
  { group: "forms", rows: [["submit", "ctrlEnter"]] },
  { group: "gallery", rows: [["arrows", "arrows"], ["homeEnd", "homeEnd"], ["open", "enter"]] },
  { group: "viewer", rows: [["viewerArrows", "leftRight"], ["escape", "escape"]] },
] as const;

/** "?" anywhere outside a text field opens the list of keyboard shortcuts (a native <dialog>). */
export function ShortcutsDialog() {
  const t = useTranslations("shortcuts");
  const tCommon = useTranslations("common");
  const id = useId();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      event.preventDefault();
      setOpen(true);
    };
    const onAsk = () => setOpen(true);
    window.addEventListener("keydown", onKey);
    window.addEventListener(SHORTCUTS_EVENT, onAsk);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(SHORTCUTS_EVENT, onAsk);
    };
  }, []);

  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      labelledBy={`${id}-title`}
      describedBy={`${id}-intro`}
      // Opened from the account menu, whose item is gone by then: back to the menu's button.
      returnFocus={() => document.getElementById("account-menu-trigger")}
      className="m-auto w-[calc(100%-2rem)] max-w-lg"
    >
      <div className="w-full rounded-xl border border-zinc-200 bg-white p-5 shadow-xl sm:p-6 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {t("title")}
        </h2>
        <p id={`${id}-intro`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {t("intro")}
        </p>
        <div className="mt-4 flex flex-col gap-4">
          {GROUPS.map(({ group, rows }) => (
            <section key={group} aria-labelledby={`${id}-${group}`}>
              <h3 id={`${id}-${group}`} className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
                {t(`groups.${group}`)}
              </h3>
              <dl className="mt-1.5 divide-y divide-zinc-100 dark:divide-zinc-800">
                {rows.map(([item, key]) => (
                  <div key={item} className="flex items-center justify-between gap-4 py-1.5 text-sm">
                    <dt>{t(`items.${item}`)}</dt>
                    <dd>
                      <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
                        {key === "?" ? key : t(`keys.${key}`)}
                      </kbd>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <div className="mt-6 flex justify-end">
          <Button data-autofocus variant="secondary" onClick={() => setOpen(false)}>
            {tCommon("close")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
