import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { AppError } from "@/lib/errors";

export interface ErrorLike {
  type: string;
  message: string;
  retryAfter?: number;
}

interface Described {
  title: string;
  body: string;
  link?: { href: string; label: string };
}

function inSeconds(seconds: number): string {
  if (seconds <= 1) return "a second";
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `about ${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Plain words for every failure a creator can meet, from a submit or from a generation
 * that failed later. The server's messages are already written for people; this adds a
 * headline and the one thing to do next.
 */
export function describeError(error: ErrorLike): Described {
  const body = error.message || "Please try again.";
  switch (error.type) {
    case "insufficient_credits":
      return {
        title: "The studio is out of Pixapi credits",
        body: "The studio's Pixapi account has run out of credits, so new images can't be made right now. Nothing was charged to you.",
        link: { href: "/usage?reason=insufficient_credits", label: "See usage and credits" },
      };
    case "quota_exceeded":
      return { title: "You've reached your usage limit", body, link: { href: "/usage", label: "See your usage" } };
    case "rate_limit_error":
      return {
        title: "Too many requests right now",
        // The studio's own messages already say when; anything else gets it from retry_after.
        body: error.retryAfter !== undefined && !/try again/i.test(body) ? `${body} Try again in ${inSeconds(error.retryAfter)}.` : body,
      };
    case "upstream_error":
    case "generation_failed":
      return { title: "Pixapi couldn't make this image", body };
    case "timeout":
      return { title: "This took too long", body };
    case "interrupted":
      return { title: "This was interrupted", body };
    case "upstream_timeout":
      return { title: "Pixapi took too long to answer", body };
    case "unsupported_media_type":
      return { title: "That file isn't an image we can use", body: `${body} Use PNG, JPEG or WebP.` };
    case "payload_too_large":
      return { title: "That upload is too large", body };
    case "invalid_request_error":
    case "validation_error":
      return { title: "Please check the form", body };
    case "service_unavailable":
      return { title: "Can't reach the studio", body };
    case "not_found_error":
      return { title: "Not found", body };
    default:
      return { title: "Something went wrong", body };
  }
}

export function toErrorLike(error: unknown): ErrorLike {
  if (error instanceof AppError) return { type: error.type, message: error.message, retryAfter: error.retryAfter };
  return { type: "server_error", message: "Something went wrong. Please try again." };
}

/** A failure as an Alert, with its next step as a link when there is one. */
export function ErrorMessage({ error }: { error: ErrorLike }) {
  const { title, body, link } = describeError(error);
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
 * A failed submit, split for display: field messages go next to their inputs; the alert
 * is for whatever is left (or everything, when the failure is not about a field).
 */
export function splitSubmitError(error: unknown, shownFields: readonly string[]): { fields: Record<string, string>; alert: ErrorLike | null } {
  if (!error) return { fields: {}, alert: null };
  const fields = error instanceof AppError && error.fields ? Object.fromEntries(Object.entries(error.fields).filter(([k]) => shownFields.includes(k))) : {};
  const allShown = error instanceof AppError && error.fields !== undefined && Object.keys(error.fields).every((k) => shownFields.includes(k));
  return { fields, alert: allShown ? null : toErrorLike(error) };
}
