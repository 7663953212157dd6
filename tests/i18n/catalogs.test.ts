import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";

type Tree = { [key: string]: string | Tree };

function load(locale: string): Tree {
  return JSON.parse(readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8")) as Tree;
}

/** Every leaf as "a.b.c" → message. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(at, value);
    else for (const [k, v] of flatten(value, at)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message takes ("{count, plural, …}" → "count"); plural branches are text, not arguments. */
function argumentsOf(message: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === "{") {
      if (depth === 0) {
        const name = /^\{\s*([A-Za-z_]\w*)/.exec(message.slice(i))?.[1];
        if (name) names.push(name);
      }
      depth++;
    } else if (message[i] === "}") depth = Math.max(0, depth - 1);
  }
  return names.sort();
}

const catalogs = Object.fromEntries(LOCALES.map((l) => [l, flatten(load(l))])) as Record<(typeof LOCALES)[number], Map<string, string>>;
const [base, ...others] = LOCALES;

describe("message catalogs", () => {
  for (const locale of others) {
    it(`${locale} has exactly the keys ${base} has`, () => {
      const missing = [...catalogs[base].keys()].filter((k) => !catalogs[locale].has(k));
      const extra = [...catalogs[locale].keys()].filter((k) => !catalogs[base].has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${locale} messages take the same arguments as ${base}'s`, () => {
      const differing = [...catalogs[base]].filter(([k, v]) => catalogs[locale].has(k) && argumentsOf(v).join() !== argumentsOf(catalogs[locale].get(k) ?? "").join()).map(([k]) => k);
      expect(differing).toEqual([]);
    });
  }

  it("has no empty message, and no Chinese left untranslated as English words alone", () => {
    for (const locale of LOCALES) expect([...catalogs[locale]].filter(([, v]) => !v.trim()).map(([k]) => `${locale}:${k}`)).toEqual([]);
    // A zh-CN message with Latin words but no Chinese is a forgotten translation, unless it is a name.
    const latinOnly = [...catalogs["zh-CN"]].filter(([, v]) => /[a-z]{4,}/i.test(v.replace(/\{[^{}]*\}/g, "")) && !/[\u4e00-\u9fff]/.test(v)).map(([k]) => k);
    expect(latinOnly.filter((k) => !ALLOWED_LATIN.some((allowed) => k === allowed || k.startsWith(`${allowed}.`)))).toEqual([]);
  });

  it("the checker itself notices a missing key and a changed argument", () => {
    const a = flatten({ x: { y: "Hi {name}" }, z: "ok" });
    const b = flatten({ x: { y: "你好 {who}" } });
    expect([...a.keys()].filter((k) => !b.has(k))).toEqual(["z"]);
    expect(argumentsOf(a.get("x.y") ?? "")).not.toEqual(argumentsOf(b.get("x.y") ?? ""));
    expect(argumentsOf("{count, plural, one {# item} other {# items}} in {where}")).toEqual(["count", "where"]);
  });
});

/** zh-CN messages (or groups) that are names, keys or codes and rightly stay in Latin letters. */
const ALLOWED_LATIN = ["shell.nav.api", "shortcuts.keys", "tokens.snippets.baseUrl", "tokens.snippets.baseUrlWhat"];
