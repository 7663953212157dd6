import type { Formatter } from "@/lib/format";
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

/**
 * An argument the server filled in already worded in English ("0.5 credits", "42 seconds",
 * "1 December 2026", "this month"), read back into a value so the reader's language can word
 * it again. Arguments are recognised by name, which means the same in every template.
 */
export type KnownArgument =
  | { kind: "credits"; amount: number }
  | { kind: "wait"; seconds: number }
  | { kind: "day"; iso: string }
  | { kind: "period"; period: PeriodKind }
  | { kind: "per"; period: PeriodKind };

export type PeriodKind = "month" | "week" | "day";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function readNumber(text: string): number | null {
  if (!/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(text)) return null;
  return Number(text.replaceAll(",", ""));
}

const READERS: Record<string, (text: string) => KnownArgument | null> = {
  need: readCredits,
  left: readCredits,
  allowance: readCredits,
  wait(text) {
    if (text === "a second") return { kind: "wait", seconds: 1 };
    const seconds = /^(\d+) seconds$/.exec(text);
    if (seconds) return { kind: "wait", seconds: Number(seconds[1]) };
    const minutes = /^about (\d+) minutes$/.exec(text);
    return minutes ? { kind: "wait", seconds: Number(minutes[1]) * 60 } : null;
  },
  day(text) {
    // lib/usage/period.ts's formatResetDate: "1 December 2026" (en-GB, UTC).
    const m = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text);
    const month = m ? MONTHS.indexOf(m[2] ?? "") : -1;
    if (!m || month < 0) return null;
    return { kind: "day", iso: `${m[3]}-${String(month + 1).padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}` };
  },
  period(text) {
    const period = ({ "this month": "month", "this week": "week", today: "day" } as const)[text];
    return period ? { kind: "period", period } : null;
  },
  per(text) {
    return text === "month" || text === "week" || text === "day" ? { kind: "per", period: text } : null;
  },
};

function readCredits(text: string): KnownArgument | null {
  const m = /^(.+) credits?$/.exec(text);
  const amount = m ? readNumber(m[1] ?? "") : null;
  return amount === null ? null : { kind: "credits", amount };
}

/** What an argument of a known message says, or null when it is a plain value (a name, a number). */
export function readKnownArgument(name: string, text: string): KnownArgument | null {
  return READERS[name]?.(text) ?? null;
}

/**
 * A known message's arguments worded again for the reader: `word` says a read-back argument
 * in their language; the rest (names, counts, codes) pass as the server wrote them.
 */
export function rewordArguments(values: Record<string, string>, word: (arg: KnownArgument) => string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, text]) => {
      const arg = readKnownArgument(name, text);
      return [name, arg ? word(arg) : text];
    }),
  );
}

/**
 * One read-back argument in the formatter's language; periods come from the catalog
 * (budget.period.* "this month", budget.per.* "month"), through `periodWord`.
 */
export function wordArgument(arg: KnownArgument, f: Formatter, periodWord: (kind: "period" | "per", period: PeriodKind) => string): string {
  switch (arg.kind) {
    case "credits":
      return f.formatCredits(arg.amount);
    case "wait":
      return f.formatWait(arg.seconds);
    case "day":
      return f.formatUtcDay(arg.iso, true);
    case "period":
    case "per":
      return periodWord(arg.kind, arg.period);
  }
}
