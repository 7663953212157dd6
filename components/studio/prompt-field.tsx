"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { TextareaField } from "@/components/ui/textarea-field";
import { useFormat } from "@/lib/format/use-format";
import { PROMPT_MAX } from "@/lib/validation/generation";

/** The prompt, with a live count against the limit the server enforces. */
export function PromptField({
  value,
  onChange,
  error,
  placeholder,
  onSubmitShortcut,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder: string;
  /** Ctrl/⌘+Enter submits, as in most prompt boxes. */
  onSubmitShortcut: () => void;
}) {
  const t = useTranslations("studio.prompt");
  const { formatCount } = useFormat();
  const count = value.length;
  const over = count > PROMPT_MAX;
  return (
    <TextareaField
      label={t("label")}
      name="prompt"
      rows={5}
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
          e.preventDefault();
          onSubmitShortcut();
        }
      }}
      error={error}
      hint={<span className="hidden sm:inline">{t("shortcut")}</span>}
      counter={
        <span className={clsx("text-xs tabular-nums", over ? "font-medium text-red-600 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400")}>
          <span className="sr-only">{t("charactersUsed")}</span>
          {formatCount(count)} / {formatCount(PROMPT_MAX)}
        </span>
      }
    />
  );
}
