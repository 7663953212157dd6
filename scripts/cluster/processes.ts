import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";

/**
 * Child processes of `npm run test:cluster`. Each one is the leader of its own process
 * group, so a signal to the group reaches whatever it forked too (a studio instance is one
 * process; redis-server is one), and `stopAll` leaves nothing behind, even on failure.
 */
export interface Child {
  name: string;
  pid: number;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** Signals the whole group; resolves when the leader exited (SIGKILL after `graceMs`). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<Child>();

export function spawnChild(name: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string }): Child {
  const log = createWriteStream(options.logFile, { flags: "a" });
  const proc = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  proc.stdout?.pipe(log);
  proc.stderr?.pipe(log);
  if (!proc.pid) throw new Error(`${name}: could not start ${command}`);
  const pid = proc.pid;
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on("exit", (code, signal) => {
      running = false;
      children.delete(child);
      resolve({ code, signal });
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone already
    }
  };
  const child: Child = {
    name,
    pid,
    process: proc,
    exited,
    isRunning: () => running,
    stop: async (signal = "SIGTERM", graceMs = 15_000) => {
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
      const result = await exited;
      clearTimeout(timer);
      // Anything the leader forked and left behind goes with it.
      signalGroup("SIGKILL");
      return result;
    },
  };
  children.add(child);
  return child;
}

/** Stops every child still running: SIGTERM, then SIGKILL after the grace period. */
export async function stopAll(graceMs = 5000): Promise<void> {
  await Promise.all([...children].map((c) => c.stop("SIGTERM", graceMs)));
}

/** Last resort when the runner itself is being torn down (no time to wait). */
export function killAllNow(): void {
  for (const c of children) {
    try {
      process.kill(-c.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
}
