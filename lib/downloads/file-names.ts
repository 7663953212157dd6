import { extensionForType } from "@/lib/catalog";

/**
 * Names of the files inside a download zip: `YYYY-MM-DD_prompt-words_id.ext`, readable in
 * a file manager and safe on every system that unpacks it. Prompts are user text, so only
 * letters and digits (any script) survive, joined by hyphens: no path separators, dots,
 * control or bidi characters, and a bounded length. The id keeps every name unique.
 */
export const PROMPT_WORDS_MAX = 6;
export const PROMPT_PART_MAX = 48;

/** The first few words of a prompt as letters/digits joined by "-", or "untitled". */
export function promptWords(prompt: string): string {
  const words = prompt
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, PROMPT_WORDS_MAX);
  let out = "";
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if ([...next].length > PROMPT_PART_MAX) {
      // One long word (a script without spaces): keep its start rather than nothing.
      if (!out) out = [...word].slice(0, PROMPT_PART_MAX).join("");
      break;
    }
    out = next;
  }
  return out || "untitled";
}

/** YYYY-MM-DD in UTC: the same on every server, whatever its time zone. */
function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * One output's name. `index`/`count` number the outputs of a multi-image generation
 * (`…_id-2.png`). `id` is a stored id (letters, digits, _ and -), checked again here.
 */
export function zipEntryName({ createdAt, prompt, id, mimeType, index = 0, count = 1 }: { createdAt: Date; prompt: string; id: string; mimeType: string; index?: number; count?: number }): string {
  const safeId = id.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 64) || "item";
  const ext = extensionForType(mimeType) ?? "bin";
  const suffix = count > 1 ? `-${index + 1}` : "";
  return `${day(createdAt)}_${promptWords(prompt)}_${safeId}${suffix}.${ext}`;
}

/** The zip's own name: `pixapi-YYYY-MM-DD-<n>-items.zip` (ASCII, fine in a header). */
export function zipFileName(now: Date, items: number): string {
  return `pixapi-${day(now)}-${items}-item${items === 1 ? "" : "s"}.zip`;
}
