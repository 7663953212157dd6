/**
 * Named checks: each runs, prints one line (✓ with what it measured, or ✗ with why), and
 * counts towards the final `N passed, M failed`.
 */
export interface CheckResult {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
}

export class Checks {
  readonly results: CheckResult[] = [];

  /** Runs one check; returns false when it failed (later checks still run). */
  async run(name: string, fn: () => Promise<string>): Promise<boolean> {
    const started = Date.now();
    let ok = true;
    let detail: string;
    try {
      detail = await fn();
    } catch (error) {
      ok = false;
      detail = error instanceof Error ? error.message : String(error);
    }
    const ms = Date.now() - started;
    this.results.push({ name, ok, ms, detail });
    console.log(`${ok ? "✓" : "✗"} ${name} (${(ms / 1000).toFixed(1)} s)${detail ? `\n    ${detail}` : ""}`);
    return ok;
  }

  /** Records a check that could not run because something before it failed. */
  skipBecause(name: string, reason: string): void {
    this.results.push({ name, ok: false, ms: 0, detail: reason });
    console.log(`✗ ${name}\n    not run: ${reason}`);
  }

  get passed(): number {
    return this.results.filter((r) => r.ok).length;
  }

  get failed(): number {
    return this.results.filter((r) => !r.ok).length;
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
