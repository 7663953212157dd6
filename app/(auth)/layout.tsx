import type { ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { env } from "@/lib/env";
import { DemoBadge } from "@/components/shell/demo-badge";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { SkipLink } from "@/components/shell/skip-link";
import { ThemeToggle } from "@/components/shell/theme-toggle";

export default function AuthLayout({ children }: { children: ReactNode }) {
  const t = useTranslations("shell");
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink label={t("skipToContent")} />
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <Link href="/sign-in" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-linear-to-br from-accent-500 to-fuchsia-500" />
          Pixapi Studio
        </Link>
        <div className="flex items-center gap-2">
          <LanguageSwitch />
          <ThemeToggle />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex flex-1 outline-none flex-col items-center justify-center gap-4 px-4 pb-16">
        {env().PIXAPI_DEMO ? <DemoBadge /> : null}
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
