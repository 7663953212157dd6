import type { ReactNode } from "react";
import Link from "next/link";
import { env } from "@/lib/env";
import { DemoBadge } from "@/components/shell/demo-badge";
import { ThemeToggle } from "@/components/shell/theme-toggle";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <Link href="/sign-in" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-linear-to-br from-accent-500 to-fuchsia-500" />
          Pixapi Studio
        </Link>
        <ThemeToggle />
      </header>
      <main className="flex flex-1 flex-col items-center justify-center gap-4 px-4 pb-16">
        {env().PIXAPI_DEMO ? <DemoBadge /> : null}
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
