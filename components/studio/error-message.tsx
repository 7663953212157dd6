import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { AppError } from "@/lib/errors";
import { useFormat } from "@/lib/format/use-format";
import { useServerText } from "./use-server-text";

export interface ErrorLike {
  type: string;
  message: string;
  retryAfter?: number;
}

export interface Described {
  title: string;
  body: string;
  link?: { href: string; label: string };
}

/**
 * Plain words for every failure a creator can meet, from a submit or from a generation
 * that failed later, in the reader's language. The server's messages are already written
 * for people (translated when the catalog knows them); this adds a headline and the one
 * thing to do next.
 */
export function useDescribeError() {
  const t = useTranslations("studio.errors");
  const { text } = useServerText();
  const f = useFormat();
  return useCallback(
    (error: ErrorLike): Described => {
      const body = error.message ? text(error.message, error.type) : t("tryAgain");
      switch (error.type) {
        case "insufficient_credits":
          return { title: t("outOfPixapiCredits"), body: t("outOfPixapiCreditsBody"), link: { href: "/usage?reason=insufficient_credits", label: t("seeUsageAndCredits") } };
        case "quota_exceeded":
          return { title: t("quotaTitle"), body, link: { href: "/usage", label: t("seeYourUsage") } };
        case "rate_limit_error":
          return {
            title: t("rateTitle"),
            // The studio's own messages already say when; anything else gets it from retry_after.
            body: error.retryAfter !== undefined && !/try again/i.test(error.message) ? t("retryIn", { message: body, wait: f.formatWait(error.retryAfter) }) : body,
          };
        case "upstream_error":
        case "generation_failed":
          return { title: t("upstreamTitle"), body };
        case "timeout":
          return { title: t("timeoutTitle"), body };
        case "interrupted":
          return { title: t("interruptedTitle"), body };
        case "upstream_timeout":
          return { title: t("upstreamTimeoutTitle"), body };
        case "unsupported_media_type":
          return { title: t("fileTypeTitle"), body: t("fileTypeBody", { message: body }) };
        case "payload_too_large":
          return { title: t("tooLargeTitle"), body };
        case "invalid_request_error":
        case "validation_error":
          return { title: t("checkFormTitle"), body };
        case "service_unavailable":
          return { title: t("offlineTitle"), body };
        case "not_found_error":
          return { title: t("notFoundTitle"), body };
        default:
          return { title: t("genericTitle"), body };
      }
    },
    [t, text, f],
  );
}

export function toErrorLike(error: unknown): ErrorLike {
  if (error instanceof AppError) return { type: error.type, message: error.message, retryAfter: error.retryAfter };
  return { type: "server_error", message: "Something went wrong. Please try again." };
}

/** A failure as an Alert, with its next step as a link when there is one. */
export function ErrorMessage({ error }: { error: ErrorLike }) {
  const { title, body, link } = useDescribeError()(error);
  return (
    <Alert title={title}>
      <p>{body}</p>
      {link ? (
        <p className="mt-1.5">
          <Link href={link.href} className="font-medium underline underline-offset-2 hover:no-underline">
            {link.label}
          </Link>
        </p>
      ) : null}
    </Alert>
  );
}

/**
 * A failure that belongs to no field (upstream down, rate limit, budget), as a toast: it is
 * about the request, not something to fix in the form. Takes the failure as
 * useDescribeError() words it. One at a time per `id`, so a second failed submit replaces
 * the first instead of stacking.
 */
export function toastError({ title, body, link }: Described, id: string): void {
  toast.error(title, {
    id,
    duration: 10_000,
    description: (
      <>
        {body}
        {link ? (
          <>
            {" "}
            <Link href={link.href} className="font-medium underline underline-offset-2 hover:no-underline">
              {link.label}
            </Link>
          </>
        ) : null}
      </>
    ),
  });
}

export function dismissErrorToast(id: string): void {
  toast.dismiss(id);
}

/**
 * A failed submit, split for display: field messages go next to their inputs; `alert` is
 * whatever is left (or everything, when the failure is not about a field).
 */
export function splitSubmitError(error: unknown, shownFields: readonly string[]): { fields: Record<string, string>; alert: ErrorLike | null } {
  if (!error) return { fields: {}, alert: null };
  const fields = error instanceof AppError && error.fields ? Object.fromEntries(Object.entries(error.fields).filter(([k]) => shownFields.includes(k))) : {};
  const allShown = error instanceof AppError && error.fields !== undefined && Object.keys(error.fields).every((k) => shownFields.includes(k));
  return { fields, alert: allShown ? null : toErrorLike(error) };
}
