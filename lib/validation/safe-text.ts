import { z } from "zod";

/**
 * The one field schema for every user-supplied string that reaches the database, a file
 * name, a log line or a header. PostgreSQL refuses NUL in text (a 500 if it gets that far),
 * and other C0/C1 controls, lone surrogates and bidi overrides only ever serve to hide
 * or smuggle something. Browser-safe: forms use the same rules for instant feedback.
 */
// C0 controls except tab/LF/CR, DEL, C1 controls, and the bidi embedding/override/isolate marks.
const ALWAYS_REFUSED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one
// (String#isWellFormed is ES2024, newer than the project's lib target).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `value` is not safe text, or null. Multiline text (prompts) may hold tabs and line breaks. */
export function unsafeTextProblem(value: string, { multiline = false }: { multiline?: boolean } = {}): string | null {
  if (LONE_SURROGATE.test(value)) return "Remove the broken characters (invalid Unicode).";
  if (ALWAYS_REFUSED.test(value)) return "Remove the control characters.";
  if (!multiline && LINE_BREAKS_AND_TABS.test(value)) return "Use a single line without tabs.";
  return null;
}

export function isSafeText(value: string, options: { multiline?: boolean } = {}): boolean {
  return unsafeTextProblem(value, options) === null;
}

interface SafeTextOptions {
  /** Maximum length after trimming. */
  max: number;
  /** Minimum length after trimming (default 0). */
  min?: number;
  /** Allow tabs and line breaks (prompts). Default: one line. */
  multiline?: boolean;
  /** Messages shown to people. */
  required?: string;
  tooLong?: string;
}

/**
 * A trimmed string with no control characters. Refinement runs before the length checks
 * so a NUL-padded value is reported as what it is, not as "too long".
 */
export function safeText({ max, min = 0, multiline = false, required, tooLong }: SafeTextOptions) {
  return z
    .string(required ? { error: required } : undefined)
    .superRefine((v, ctx) => {
      const problem = unsafeTextProblem(v, { multiline });
      if (problem) ctx.addIssue({ code: "custom", message: problem, abort: true });
    })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(min, required ?? `Use at least ${min} characters.`)
        .max(max, tooLong ?? `Use at most ${max} characters.`),
    );
}

/**
 * Ids in URLs and bodies: ours are cuid or 32 lowercase hex; allow the common URL-safe
 * alphabet so other helpers' ids (share tokens, API token ids) fit too. Anything else can
 * never name a row, so routes answer 404, the same as an id that does not exist.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
export const idSchema = z.string().regex(ID_PATTERN, "Not a valid id.");

export function isValidId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}
