"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { toast } from "sonner";

/**
 * Copies `text` and says so in a toast, or, when the browser refuses (no clipboard on an
 * insecure origin, permission denied), says how to copy it by hand. `what` names the thing
 * copied, already in the reader's language ("Prompt", "提示词"); copying again replaces the
 * toast instead of stacking them.
 */
export function useCopyText() {
  const t = useTranslations("studio.copy");
  return useCallback(
    async (text: string, what: string): Promise<boolean> => {
      const id = `copy-${what}`;
      try {
        if (!navigator.clipboard) throw new Error("no clipboard on this page");
        await navigator.clipboard.writeText(text);
        toast.success(t("copied", { what }), { id, duration: 2000 });
        return true;
      } catch {
        toast.error(t("failed", { what: what.toLowerCase() }), { id, description: t("failedBody") });
        return false;
      }
    },
    [t],
  );
}
