"use client";

import { BellIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";

const noop = () => () => {};

/** "default" until the user answers; null where the browser has no notifications. */
function usePermission(): NotificationPermission | null {
  return useSyncExternalStore(
    noop,
    () => (typeof Notification === "undefined" ? null : Notification.permission),
    () => null,
  );
}

/**
 * Asks for browser notifications only when the user presses it (never on load), and only
 * while the browser has not been answered: afterwards it is gone for good.
 */
export function NotifyButton() {
  const t = useTranslations("signals");
  const permission = usePermission();
  const [answered, setAnswered] = useState<NotificationPermission | null>(null);
  if ((answered ?? permission) !== "default") return null;
  return (
    <button
      type="button"
      onClick={() => void Notification.requestPermission().then(setAnswered)}
      title={t("notifyTitle")}
      className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      <BellIcon size={14} aria-hidden />
      {t("notify")}
    </button>
  );
}
