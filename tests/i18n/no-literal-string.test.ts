import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The lint rule that keeps visible copy in the catalogs (eslint.config.mjs, I18N_CONVERTED):
 * proves it is switched on for converted folders, with the exclusions the studio relies on.
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

  it("flags literal copy in a converted folder, and only the copy", async () => {
    expect(await lint("components/shell/probe.tsx", code)).toEqual([7, 7]);
    expect(await lint("app/(auth)/sign-in/probe.tsx", code)).toEqual([7, 7]);
  }, 60_000);
});
