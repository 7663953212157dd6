import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/lib/format/use-format";
import { BudgetHint } from "./budget-hint";

/** The estimated cost, updated as the form changes, and the submit button under it. */
export function SubmitBar({
  estimate,
  pending,
  label,
  ready = true,
}: {
  estimate: number | null;
  pending: boolean;
  label: string;
  /** False while the form can't be sent yet (the model list is still loading). */
  ready?: boolean;
}) {
  const t = useTranslations("studio.submit");
  const f = useFormat();
  return (
    <div className="flex flex-col gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">{t("estimatedCost")}</span>
        <output aria-live="polite" aria-label={t("estimatedCost")} className="font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">
          {estimate === null ? "—" : f.formatCredits(estimate)}
        </output>
      </div>
      {/* The name stays the same while sending; the spinner and aria-busy say it is working. */}
      <Button type="submit" disabled={pending || !ready} aria-busy={pending} className="h-11 w-full text-base">
        {pending ? <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-white/40 border-t-white" /> : null}
        {label}
      </Button>
      <p className="text-center text-xs text-zinc-600 dark:text-zinc-400">{t("notCharged")}</p>
      <BudgetHint need={estimate} />
    </div>
  );
}
