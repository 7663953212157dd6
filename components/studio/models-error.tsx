import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";

/** The model list failed to load: say so and offer a retry (the form can't submit without it). */
export function ModelsError({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("studio.modelsError");
  return (
    <Alert title={t("title")}>
      <p>
        {t("body")}{" "}
        <button type="button" onClick={onRetry} className="font-medium underline underline-offset-2 hover:no-underline">
          {t("retry")}
        </button>
      </p>
    </Alert>
  );
}
