import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { PendingPoll } from "@/components/studio/pending-poll";
import { StatusAnnouncer } from "@/components/studio/status-announcer";
import { TaskWatcher } from "@/components/studio/task-watcher";
import { BudgetHint } from "@/components/studio/budget-hint";
import { DemoBadge } from "./demo-badge";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { Toaster } from "./toaster";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { SkipLink } from "./skip-link";
import { UserMenu } from "./user-menu";

/** Header with nav (a bar on wide screens, tabs under the header on phones), content below. */
export function AppShell({
  user,
  demo,
  children,
}: {
  user: { email: string; name: string | null; role?: "user" | "admin" };
  demo: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("shell");
  const isAdmin = user.role === "admin";
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink label={t("skipToContent")} />
      <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
          <Link href="/generate" aria-label={t("home")} className="flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-linear-to-br from-accent-500 to-fuchsia-500" />
            <span>Pixapi Studio</span>
          </Link>
          <nav aria-label={t("mainNav")} className="hidden md:block">
            <NavLinks layout="bar" isAdmin={isAdmin} />
          </nav>
          <div className="ml-auto flex items-center gap-2">
            {demo ? (
              <span className="hidden sm:inline-flex">
                <DemoBadge />
              </span>
            ) : null}
            <BudgetHint variant="header" />
            <ThemeToggle />
            <UserMenu email={user.email} name={user.name} />
          </div>
        </div>
        <nav aria-label={t("mainNav")} className="border-t border-zinc-200 px-2 md:hidden dark:border-zinc-800">
          <NavLinks layout="tabs" isAdmin={isAdmin} />
        </nav>
      </header>
      {demo ? (
        <div className="flex justify-center border-b border-zinc-200 py-1.5 sm:hidden dark:border-zinc-800">
          <DemoBadge />
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:py-8">{children}</main>
      <Toaster />
      <StatusAnnouncer />
      <ShortcutsDialog />
      <TaskWatcher />
      <PendingPoll />
    </div>
  );
}
