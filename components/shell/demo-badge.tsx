import { useTranslations } from "next-intl";

export function DemoBadge() {
  const t = useTranslations("shell");
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-amber-300 bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-200"
      title={t("demoBadgeTitle")}
    >
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-amber-500" />
      {t("demoBadge")}
    </span>
  );
}
