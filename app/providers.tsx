"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { makeQueryClient } from "@/lib/query-client";

// zod 4 probes for eval (new Function) to compile parsers; under our CSP (no 'unsafe-eval')
// the probe is blocked and reported as a violation. Its interpreter is fast enough for forms.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; useState keeps it stable across renders.
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
