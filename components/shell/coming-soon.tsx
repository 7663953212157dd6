import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";

/** Honest placeholder for a studio area whose feature has not been built yet. */
export function ComingSoon({ what }: { what: string }) {
  const t = useTranslations("shell");
  return (
    <Card className="text-center">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("comingSoon", { what })}</p>
    </Card>
  );
}
