import { useTranslations } from "next-intl";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";

/** Tells the person the form was filled from an earlier generation, or that it couldn't be. */
export function RemixNotice({ loaded, freshHref }: { loaded: boolean; freshHref: string }) {
  const t = useTranslations("studio.remix");
  const fresh = (
    <Link href={freshHref} className="font-medium underline underline-offset-2 hover:no-underline">
      {t("startFresh")}
    </Link>
  );
  return loaded ? (
    <Alert tone="info" title={t("loadedTitle")}>
      <p>
        {t("loadedBody")} {fresh}
      </p>
    </Alert>
  ) : (
    <Alert title={t("missingTitle")}>
      <p>
        {t("missingBody")} {fresh}
      </p>
    </Alert>
  );
}
