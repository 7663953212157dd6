"use client";

import { CopyIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCopyText } from "@/components/studio/copy-text";
import { Button } from "@/components/ui/button";

/** Copies `text`; a toast says it did (or how to copy by hand when the browser refuses). */
export function CopyButton({ text, label, what, className }: { text: string; label: string; what: string; className?: string }) {
  const t = useTranslations("tokens");
  const copyText = useCopyText();
  return (
    <Button variant="secondary" className={className} onClick={() => void copyText(text, what)} aria-label={label}>
      <CopyIcon size={14} aria-hidden />
      {t("copy")}
    </Button>
  );
}
