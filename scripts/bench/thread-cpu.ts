/**
 * CPU time per request, by thread of the Next process: what a read costs, not only how long
 * it waits. Latency under 32 users mixes queueing on two busy threads (the server's main
 * thread and, on PGlite, the database thread) with the machine's other load; the CPU each
 * thread spends per request says which one bounds the throughput. Linux only (/proc); where
 * it cannot be read the rows are left out.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** utime + stime of every thread of `pid`, in ms, by thread id. Empty without /proc. */
export function threadCpuMs(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  const msPerTick = 1000 / clockTicks();
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      // Fields after the command name (which may hold spaces, so split after its ")"): utime and stime are 14th and 15th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * msPerTick);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

let ticks: number | undefined;
/** USER_HZ, the unit of /proc CPU times (100 almost everywhere). */
export function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/** CPU spent by a process's threads over some requests (deltas summed over every window measured). */
export class ThreadCpu {
  private readonly spent = new Map<number, number>();
  private requests = 0;

  constructor(private readonly pid: number) {}

  /** Runs `work`, adding the CPU each thread spent meanwhile and the requests it made. */
  async measure<T extends { samples: readonly number[] }>(work: () => Promise<T>): Promise<T> {
    const before = threadCpuMs(this.pid);
    const result = await work();
    const after = threadCpuMs(this.pid);
    for (const [tid, ms] of after) this.spent.set(tid, (this.spent.get(tid) ?? 0) + ms - (before.get(tid) ?? 0));
    this.requests += result.samples.length;
    return result;
  }

  /** Per request: the main thread, the busiest other thread (PGlite's, when it runs there), all threads. Null without /proc. */
  perRequest(): { main: number; busiestOther: number; all: number } | null {
    if (this.spent.size === 0 || this.requests === 0) return null;
    let busiestOther = 0;
    let all = 0;
    for (const [tid, ms] of this.spent) {
      all += ms;
      if (tid !== this.pid) busiestOther = Math.max(busiestOther, ms);
    }
    return { main: (this.spent.get(this.pid) ?? 0) / this.requests, busiestOther: busiestOther / this.requests, all: all / this.requests };
  }
}
