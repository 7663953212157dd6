import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The lint rule that keeps visible copy in the catalogs (eslint.config.mjs, I18N_CONVERTED):
 * proves it is switched on for every page and component, with the exclusions the studio relies on.
 */
describe("i18next/no-literal-string", () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (filePath: string, code: string) =>
    (await eslint.lintText(code, { filePath }))[0]?.messages.filter((m) => m.ruleId === "i18next/no-literal-string").map((m) => m.line) ?? [];

  const code = [
    'import { useTranslations } from "next-intl";',
    "export function X() {",
    '  const t = useTranslations("shell");',
    "  return (",
    '    <a href="/usage" className="text-sm" data-testid="x" aria-label={t("home")}>',
    "      {t(\"signOut\")}",
    '      <span title="Literal title">Literal text</span>',
    "    </a>",
    "  );",
    "}",
  ].join("\n");

  it("flags literal copy in any page or component, and only the copy", async () => {
    expect(await lint("components/shell/probe.tsx", code)).toEqual([7, 7]);
    expect(await lint("app/(auth)/sign-in/probe.tsx", code)).toEqual([7, 7]);
    // A folder nobody has touched yet is covered too: there is no opt-in list any more.
    expect(await lint("components/brand-new-folder/probe.tsx", code)).toEqual([7, 7]);
    expect(await lint("app/(studio)/brand-new-page/page.tsx", code)).toEqual([7, 7]);
  }, 60_000);
});
