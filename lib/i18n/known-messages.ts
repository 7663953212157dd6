import en from "@/messages/en.json";

/**
 * API envelopes and the shared zod schemas speak English (programs read `type`; people read
 * `message`). The UI shows each message it knows in the reader's language: the English
 * catalog's `server.known` holds every such sentence, with ICU arguments where the server
 * fills in a number ("Videos are at most {max} seconds."). This finds which one a message
 * is, and its arguments, so the active catalog can say it instead.
 */
export type KnownMessageKey = keyof typeof en.server.known;

interface Matcher {
  key: KnownMessageKey;
  pattern: RegExp;
  names: string[];
}

function escape(text: string): string {
  return text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
}

const MATCHERS: Matcher[] = (Object.entries(en.server.known) as [KnownMessageKey, string][]).map(([key, template]) => {
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const arg = /^\{(\w+)\}$/.exec(part);
      if (!arg) return escape(part);
      names.push(arg[1] ?? "");
      return "(.+?)";
    })
    .join("");
  return { key, pattern: new RegExp(`^${source}$`), names };
});

export function matchKnownMessage(message: string): { key: KnownMessageKey; values: Record<string, string> } | null {
  for (const { key, pattern, names } of MATCHERS) {
    const m = pattern.exec(message);
    if (m) return { key, values: Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? ""])) };
  }
  return null;
}
