/**
 * The table rows the load phases share: a latency beside the floor, the CPU a request cost
 * the Next process's threads, and the whole machine over the same window.
 */
import { percentile, type Latencies } from "../load/driver";
import type { StudioUnderTest } from "./context";
import type { MachineCpu } from "./machine-cpu";
import { ms, type Row } from "./table";
import type { ThreadCpu } from "./thread-cpu";

/**
 * What one request cost the server's threads, beside the liveness route's cost under the same
 * load. On PGlite the busiest other thread is the database's; on PostgreSQL the database's
 * own processes are not counted (they are not the Next process).
 */
export function cpuRow(t: StudioUnderTest, what: string, cpu: ThreadCpu, live: ThreadCpu): Row | null {
  const mine = cpu.perRequest();
  const floor = live.perRequest();
  if (!mine || !floor) return null;
  const other = t.on === "PGlite" ? "PGlite's thread" : "busiest other thread";
  return {
    on: t.on,
    what: `CPU per request, ${what} (Next process${t.on === "PGlite" ? "" : "; PostgreSQL's processes not counted"})`,
    figure: `main ${ms(mine.main)} ms, ${other} ${ms(mine.busiestOther)} ms,${mine.images > 0 ? ` image threads (libvips) ${ms(mine.images)} ms,` : ""} all ${ms(mine.all)} ms`,
    baseline: `liveness: main ${ms(floor.main)} ms, all ${ms(floor.all)} ms`,
    ratio: mine.all / floor.all,
    target: "",
    ok: null,
  };
}

/**
 * The same window seen by the whole machine: the Next process's share of it, and the rest
 * (the emulator rendering, PostgreSQL's processes, this client). All cores busy means the
 * load is bound by the machine, not by the server's threads.
 */
export function machineRow(t: StudioUnderTest, what: string, machine: MachineCpu, server: ThreadCpu): Row | null {
  const all = machine.perRequest();
  const next = server.perRequest();
  if (!all || !next) return null;
  return {
    on: t.on,
    what: `CPU per request, ${what}: the whole machine (the Next process, and the rest: emulator${t.on === "PGlite" ? "" : ", PostgreSQL"}, bench client)`,
    figure: `${ms(all.busy)} ms: Next ${ms(next.all)} ms, the rest ${ms(Math.max(0, all.busy - next.all))} ms`,
    baseline: `${(all.coresBusy * 100).toFixed(0)} % of ${all.cores} cores busy`,
    ratio: null,
    target: "",
    ok: null,
  };
}

export function describe(l: Latencies): string {
  const bad = Object.entries(l.statuses).filter(([s]) => Number(s) >= 400);
  return `p50 ${ms(percentile(l.samples, 50))} ms, p99 ${ms(percentile(l.samples, 99))} ms, ${l.throughput.toFixed(0)}/s${bad.length ? ` (HTTP ${bad.map(([s, n]) => `${s}×${n}`).join(", ")})` : ""}`;
}

export function expectStatus(l: Latencies, status: number): boolean {
  return Object.keys(l.statuses).every((s) => Number(s) === status);
}

/** A latency beside the floor: p50 ratio to the liveness p50, against `maxRatio` when there is a target. */
export function row(t: StudioUnderTest, what: string, l: Latencies, live: Latencies, floor: string, maxRatio: number | null, status: number): Row {
  const ratio = percentile(l.samples, 50) / percentile(live.samples, 50);
  const statusOk = expectStatus(l, status);
  return {
    on: t.on,
    what: `${what}, ${t.size.users} users`,
    figure: describe(l),
    baseline: floor,
    ratio,
    target: maxRatio === null ? "" : `p50 ≤ ${maxRatio} × liveness`,
    ok: maxRatio === null ? (statusOk ? null : false) : statusOk && ratio <= maxRatio,
  };
}
