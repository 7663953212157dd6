import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { AppError, ERROR_TYPES, type ErrorType } from "@/lib/errors";
import { useFormat } from "@/lib/format/use-format";
import { matchKnownMessage, rewordArguments, wordArgument, type KnownArgument } from "@/lib/i18n/known-messages";

/**
 * Server and validation messages in the reader's language. API envelopes and the shared zod
 * schemas speak English; a sentence the catalog knows is shown from the active catalog, an
 * unknown one in English as sent, or (in another language) the catalog's message for its
 * error type, so a Chinese reader never gets a bare English sentence they cannot place.
 */
export function useServerText() {
  const t = useTranslations("server");
  const tBudget = useTranslations("budget");
  const f = useFormat();
  const english = useLocale() === "en";

  // Credits, waits, days and periods inside a server sentence, in the reader's words
  // (English keeps the server's own wording, which these would only repeat).
  const word = useCallback((arg: KnownArgument): string => wordArgument(arg, f, (kind, period) => tBudget(`${kind}.${period}`)), [f, tBudget]);

  /** One message (optionally with its envelope's type, for the fallback). */
  const text = useCallback(
    (message: string, type?: string): string => {
      const hit = matchKnownMessage(message);
      if (hit) return t(`known.${hit.key}`, (english ? hit.values : rewordArguments(hit.values, word)) as never);
      if (english || !type || !(type in ERROR_TYPES)) return message;
      return t(`types.${type as ErrorType}`);
    },
    [t, english, word],
  );

  /** What went wrong, from anything a fetch or a mutation threw. */
  const errorText = useCallback(
    (error: unknown, fallback: string): string => (error instanceof AppError ? text(error.message, error.type) : fallback),
    [text],
  );

  /** { field: message } (zodFields, an envelope's `fields`) with every message translated. */
  const fieldTexts = useCallback(
    (fields: Partial<Record<string, string>> | undefined): Record<string, string> =>
      Object.fromEntries(Object.entries(fields ?? {}).flatMap(([field, message]) => (message ? [[field, text(message, "invalid_request_error")]] : []))),
    [text],
  );

  return { text, errorText, fieldTexts };
}
