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
  for (const tid of tids) {
    // Null: the thread ended between the listing and the read.
    const ms = statCpuMs(`/proc/${pid}/task/${tid}/stat`);
    if (ms !== null) out.set(Number(tid), ms);
  }
  return out;
}

/** utime + stime in ms from a /proc stat file (a process's or a thread's); null when it cannot be read. */
function statCpuMs(file: string): number | null {
  try {
    const stat = readFileSync(file, "utf8");
    // Fields after the command name (which may hold spaces, so split after its ")"): utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/**
 * utime + stime of the whole process in ms, threads that have ended included (their time
 * stays in the process's total, but their /proc/<pid>/task entry is gone: sharp's libvips
 * threads come and go). Null without /proc.
 */
export function processCpuMs(pid: number): number | null {
  return statCpuMs(`/proc/${pid}/stat`);
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

/** A thread's name (its comm): sharp's image threads are "libvips worker"; Node 20's own threads are all "node". */
function threadName(pid: number, tid: number): string {
  try {
    return readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/** CPU spent by a process's threads over some requests (deltas summed over every window measured). */
export class ThreadCpu {
  private readonly spent = new Map<number, number>();
  private readonly names = new Map<number, string>();
  private processTotal = 0;
  private requests = 0;

  constructor(private readonly pid: number) {}

  /** Runs `work`, adding the CPU each thread spent meanwhile and the requests it made. */
  async measure<T extends { samples: readonly number[] }>(work: () => Promise<T>): Promise<T> {
    const before = threadCpuMs(this.pid);
    const processBefore = processCpuMs(this.pid);
    const result = await work();
    const after = threadCpuMs(this.pid);
    const processAfter = processCpuMs(this.pid);
    if (processBefore !== null && processAfter !== null) this.processTotal += processAfter - processBefore;
    for (const [tid, ms] of after) {
      this.spent.set(tid, (this.spent.get(tid) ?? 0) + ms - (before.get(tid) ?? 0));
      if (!this.names.has(tid)) this.names.set(tid, threadName(this.pid, tid));
    }
    this.requests += result.samples.length;
    return result;
  }

  /**
   * Per request: the main thread, the busiest other Node thread (PGlite's, when it runs
   * there), sharp's image threads (libvips: the live ones, and the time of threads that
   * ended within the window, which are theirs), the whole process. Null without /proc.
   */
  perRequest(): { main: number; busiestOther: number; images: number; all: number } | null {
    if (this.spent.size === 0 || this.requests === 0) return null;
    let busiestOther = 0;
    let images = 0;
    let live = 0;
    for (const [tid, ms] of this.spent) {
      live += ms;
      if ((this.names.get(tid) ?? "").startsWith("libvips")) images += ms;
      else if (tid !== this.pid) busiestOther = Math.max(busiestOther, ms);
    }
    // Ended threads: in the process's total, not in any live thread's (tick rounding aside).
    const all = Math.max(live, this.processTotal);
    images += all - live;
    const per = (ms: number) => ms / this.requests;
    return { main: per(this.spent.get(this.pid) ?? 0), busiestOther: per(busiestOther), images: per(images), all: per(all) };
  }
}
