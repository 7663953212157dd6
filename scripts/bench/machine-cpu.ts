/**
 * The whole machine's CPU over a window (Linux /proc/stat): what the server's own threads
 * (thread-cpu.ts) leave out, on the same cores: the emulator, PostgreSQL's processes, the
 * bench's own client. Says whether a load was bound by the server or by the machine.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { clockTicks } from "./thread-cpu";

interface Jiffies {
  busy: number;
  total: number;
}

/** Busy and total time of all CPUs since boot, in ms; null without /proc. */
function machineMs(): Jiffies | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n").find((l) => l.startsWith("cpu "));
    if (!line) return null;
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    const msPerTick = 1000 / clockTicks();
    return { busy: busy * msPerTick, total: (busy + idle + iowait) * msPerTick };
  } catch {
    return null;
  }
}

export class MachineCpu {
  private busy = 0;
  private total = 0;
  private requests = 0;

  async measure<T extends { samples: readonly number[] }>(work: () => Promise<T>): Promise<T> {
    const before = machineMs();
    const result = await work();
    const after = machineMs();
    if (before && after) {
      this.busy += after.busy - before.busy;
      this.total += after.total - before.total;
    }
    this.requests += result.samples.length;
    return result;
  }

  /** Busy CPU time of the whole machine per request, and the share of its cores that were busy; null without /proc. */
  perRequest(): { busy: number; coresBusy: number; cores: number } | null {
    if (this.total === 0 || this.requests === 0) return null;
    return { busy: this.busy / this.requests, coresBusy: this.busy / this.total, cores: os.cpus().length };
  }
}
