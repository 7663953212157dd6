import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

/**
 * Shown on /usage?reason=insufficient_credits, where a generation that failed because the
 * studio's own Pixapi account ran dry links to. That balance is the studio's, not the
 * user's allowance: explain the difference and what happens next.
 */
export function InsufficientCreditsNotice() {
  const t = useTranslations("usage.notice");
  return (
    <Alert tone="info" title={t("title")}>
      <p>{t("body")}</p>
      <p className="mt-1.5">{t("next")}</p>
    </Alert>
  );
}
