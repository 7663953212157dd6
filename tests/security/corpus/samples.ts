/**
 * Hostile strings and bodies the tables combine with their fields. Each control sample is
 * something PostgreSQL refuses (NUL), a terminal or log would interpret (ESC, BEL, DEL, C1),
 * a reader would be fooled by (bidi override), or not UTF-8 at all (a lone surrogate).
 */
export const CONTROL_SAMPLES: Record<string, string> = {
  NUL: "a\u0000b",
  "leading NUL": "\u0000",
  BEL: "ring\u0007",
  ESC: "\u001b[31mred",
  DEL: "x\u007f",
  C1: "next\u0085line",
  "bidi override": "abc\u202Egnp.exe",
  "lone surrogate": "half \ud800",
};

/**
 * What can reach a handler through a URL: a lone surrogate's bytes are decoded to U+FFFD
 * (harmless), so it is left out there.
 */
export const URL_CONTROL_SAMPLES: Record<string, string> = Object.fromEntries(Object.entries(CONTROL_SAMPLES).filter(([k]) => k !== "lone surrogate"));

/** Only for single-line fields: prompts may hold these. */
export const LINE_BREAK_SAMPLES: Record<string, string> = {
  newline: "two\nlines",
  tab: "a\tb",
  CR: "a\rb",
};

/** JSON nested `depth` levels deep (arrays), well under the body size cap. */
export function deepJson(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

export function deepObject(depth: number): string {
  return '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

/** A body streamed without Content-Length (chunked on the wire), `bytes` long. */
export function chunkedBody(bytes: number, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk, bytes - sent);
      controller.enqueue(new TextEncoder().encode("x".repeat(n)));
      sent += n;
    },
  });
}

/** Headers a client can send about itself that must never grant anything. */
export const FORGED_HEADERS: Record<string, string> = {
  "x-forwarded-for": "127.0.0.1, 10.0.0.1",
  "x-real-ip": "127.0.0.1",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
};

/** Ids that can never name a row. */
export const BAD_IDS: Record<string, string> = {
  NUL: "\u0000",
  "NUL inside": "abc\u0000def",
  "path traversal": "../../etc/passwd",
  "encoded slash": "a/b",
  "very long": "a".repeat(300),
  "SQL-ish": "' OR 1=1 --",
  unicode: "ид",
  empty: "",
};

/**
 * A sample as it would arrive in a URL. A lone surrogate has no UTF-8 encoding, so it is
 * sent as the bytes a client could still put on the wire (CESU-style ED A0 80).
 */
export function urlEncoded(value: string): string {
  return [...value].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? "%ED%A0%80" : encodeURIComponent(ch))).join("");
}
