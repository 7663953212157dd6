import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { TabSignals } from "@/components/signals/tab-signals";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

// The session gate for every studio page. proxy.ts already bounces requests without a
// session cookie (keeping the path to come back to); this is the real check, against the
// database, so a disabled or deleted account stops here too.
export default async function StudioLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={{ email: user.email, name: user.name, role: user.role }} demo={env().PIXAPI_DEMO}>
      {children}
      <TabSignals />
    </AppShell>
  );
}
