"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CopyButton } from "./copy-button";
import { snippet, SNIPPET_LANGUAGES, TOKEN_ENV, type SnippetLanguage } from "./snippets";

/** The base URL and one example per client, ready to copy. */
export function ApiSnippets({ baseUrl }: { baseUrl: string }) {
  const t = useTranslations("tokens.snippets");
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  const code = snippet(language, baseUrl);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <label htmlFor="api-base-url" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t("baseUrl")}
        </label>
        <div className="flex gap-2">
          <input id="api-base-url" readOnly value={baseUrl} className="h-10 min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-3 font-mono text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100" />
          <CopyButton text={baseUrl} label={t("copyBaseUrl")} what={t("baseUrlWhat")} />
        </div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {t.rich("hint", { env: TOKEN_ENV, code: (chunks) => <code className="font-mono">{chunks}</code> })}
        </p>
      </div>
      <div>
        <div className="flex items-end justify-between gap-2 border-b border-zinc-200 dark:border-zinc-800">
        <div role="tablist" aria-label={t("language")} className="flex gap-1 overflow-x-auto">
          {SNIPPET_LANGUAGES.map((l) => (
            <button
              key={l.id}
              type="button"
              role="tab"
              aria-selected={language === l.id}
              aria-controls="api-snippet"
              onClick={() => setLanguage(l.id)}
              className={clsx(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                language === l.id ? "border-accent-600 text-accent-700 dark:text-accent-400" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
              )}
            >
              {l.label}
            </button>
          ))}
        </div>
        <CopyButton text={code} label={t("copyExample", { language })} what={t("exampleWhat")} className="mb-1 h-8 shrink-0 px-3" />
        </div>
        <div id="api-snippet" role="tabpanel" className="mt-3">
          {/* Scrolls sideways on phones: focusable, so the keyboard can scroll it too. */}
          <pre tabIndex={0} aria-label={t("example", { language })} className="overflow-x-auto rounded-lg bg-zinc-950 p-4 text-xs leading-relaxed text-zinc-100">
            <code>{code}</code>
          </pre>
        </div>
      </div>
    </div>
  );
}
