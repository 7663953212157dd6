import type { SoakPlan } from "./plan";
import type { SoakResult } from "./run";

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The figures of every database side by side, then what the 5xx were (if any). */
export function formatReport(plan: SoakPlan, results: readonly SoakResult[]): string {
  const rows: [string, (r: SoakResult) => string][] = [
    ["requests", (r) => String(r.stats.requests)],
    ["  no answer (studio restarting)", (r) => String(r.stats.connectionErrors)],
    ["  429 from the studio", (r) => String(r.stats.statuses[429] ?? 0)],
    ["generations accepted", (r) => String(r.stats.submitted.size)],
    ["  deleted by their owner", (r) => String(r.stats.deleted.size)],
    ["edits with a ~4 MB upload", (r) => String(r.stats.bigUploads)],
    ["studio 5xx (target 0)", (r) => String([...r.stats.serverErrors.values()].reduce((a, b) => a + b, 0))],
    ["lost tasks (target 0)", (r) => String(r.lost)],
    ["holds left held (target 0)", (r) => String(r.held)],
    ["double settlements (target 0)", (r) => String(r.doubleSettlements)],
    ["credits settled / upstream charged", (r) => `${r.settledCredits.toFixed(1)} / ${r.upstreamCharged.toFixed(1)}`],
    ["peak RSS of the studio", (r) => mb(r.peakRssBytes)],
    ["restart: SIGTERM to ready", (r) => `${(r.restartMs / 1000).toFixed(1)} s`],
    ["  of which SIGTERM to exit", (r) => `${(r.stopMs / 1000).toFixed(1)} s`],
    ["users who could not sign in", (r) => String(r.signInFailures)],
    ["sign-up + sign-in of all users (before)", (r) => `${(r.setupMs / 1000).toFixed(0)} s`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = [`Soak: ${plan.users} users, ${plan.seconds} s, restart at ${plan.restartAtSeconds} s, drain up to ${plan.drainSeconds} s`];
  lines.push(`${"".padEnd(width)}${results.map((r) => r.database.padStart(14)).join("")}`);
  for (const [label, value] of rows) lines.push(`${label.padEnd(width)}${results.map((r) => value(r).padStart(14)).join("")}`);
  for (const r of results) {
    for (const [route, n] of r.stats.serverErrors) lines.push(`${r.database} 5xx: ${route} ×${n}`);
    if (r.lostIds.length) lines.push(`${r.database} lost: ${r.lostIds.slice(0, 10).join(", ")}`);
  }
  return lines.join("\n");
}

export function missedTargets(results: readonly SoakResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const fivexx = [...r.stats.serverErrors.values()].reduce((a, b) => a + b, 0);
    if (fivexx) out.push(`${r.database}: ${fivexx} studio 5xx`);
    if (r.lost) out.push(`${r.database}: ${r.lost} lost tasks`);
    if (r.held) out.push(`${r.database}: ${r.held} holds left held`);
    if (r.doubleSettlements) out.push(`${r.database}: ${r.doubleSettlements} double settlements`);
    if (r.settledCredits > r.upstreamCharged + 0.001) out.push(`${r.database}: settled ${r.settledCredits} credits, more than the upstream charged (${r.upstreamCharged})`);
    if (r.signInFailures) out.push(`${r.database}: ${r.signInFailures} users could not sign in`);
    if (!r.stats.submitted.size) out.push(`${r.database}: nothing was submitted`);
  }
  return out;
}
