import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { matchKnownMessage } from "@/lib/i18n/known-messages";

/**
 * Every sentence the studio's code puts in an AppError can reach a person's screen, so each
 * must be in the catalogs' `server.known` (or the UI shows it in English to a Chinese
 * reader). The exceptions, each with its reason:
 */
const PROGRAMS_ONLY = ["lib/public-api/", "app/v1/"]; // the Pixapi-compatible API: read by programs, never by the studio's UI

const NOT_FOR_PEOPLE: Record<string, string> = {
  "This Idempotency-Key was already used for a different request. Use a new key for a new request.": "the UI makes a new key per submit",
  "Invalid cursor.": "the UI only sends cursors the server gave it",
  "Send the request body as JSON (Content-Type: application/json).": "the UI always sends JSON",
  "The request body is not valid JSON.": "the UI always sends JSON",
  "Invalid media key.": "keys are made by the server, never typed",
  "{} is not supported here; use {}.": "method_not_allowed: the UI uses the right methods",
  "Requested range not satisfiable (object is {} bytes).": "a media player's byte range, not shown",
};

// Worded from variables (an English list, a wait, a capability): known-messages.test.ts
// drives the real functions that write them and checks the Chinese.
const DRIVEN_BY_KNOWN_MESSAGES_TEST = new Set([
  'The model "{}" does not support {}.',
  "Unsupported image type ({}). Upload a {} image.",
  "Pixapi returned a file that is not a {} image (detected: {}).",
  "Pixapi is receiving too many requests right now. {}",
  "Pixapi is not available right now. {}",
  "{} ({} a minute). Try again in {}.",
]);

function sources(): string[] {
  return ["lib", "app", "components"]
    .flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).map((file) => `${dir}/${file.replaceAll("\\", "/")}`))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith("lib/db/generated/"));
}

describe("server sentences the UI can show", () => {
  it("are all in the catalogs (a sample number stands in for each interpolation)", () => {
    const unknown: string[] = [];
    let seen = 0;
    for (const file of sources()) {
      if (PROGRAMS_ONLY.some((prefix) => file.startsWith(prefix))) continue;
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/new AppError\(\s*"\w+",\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)/g)) {
        seen++;
        const shape = m[1] ?? (m[2] ?? "").replace(/\$\{[^}]*\}/g, "{}");
        if (shape in NOT_FOR_PEOPLE || DRIVEN_BY_KNOWN_MESSAGES_TEST.has(shape)) continue;
        if (!matchKnownMessage(shape.replaceAll("{}", "7"))) unknown.push(`${file}: ${shape}`);
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(unknown).toEqual([]);
  });
});
