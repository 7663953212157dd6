import { spawn, execFileSync, type ChildProcess, type SpawnOptions } from "node:child_process";

/**
 * Child-process bookkeeping for `npm start`. `next start` forks a `next-server` child of its
 * own, so stopping only the pid we spawned would leave the server holding the port and the
 * PGlite data dir; we collect the whole descendant tree and signal every member.
 */
const children = new Set<ChildProcess>();

export function run(command: string, args: string[], options: SpawnOptions & { name: string }): ChildProcess {
  const child = spawn(command, args, { stdio: "inherit", ...options });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

export function runToCompletion(command: string, args: string[], options: SpawnOptions & { name: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = run(command, args, options);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${options.name} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

function descendants(pid: number): number[] {
  let out = "";
  try {
    out = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  } catch {
    return []; // ps exits 1 when there are no children
  }
  const direct = out
    .split("\n")
    .map((l) => Number.parseInt(l.trim(), 10))
    .filter((n) => Number.isInteger(n) && n > 0);
  return direct.flatMap((c) => [c, ...descendants(c)]);
}

function signalTree(pid: number, signal: NodeJS.Signals): void {
  for (const p of [...descendants(pid).reverse(), pid]) {
    try {
      process.kill(p, signal);
    } catch {
      // already gone
    }
  }
}

/** Stops every child (and its descendants): SIGTERM, then SIGKILL after a grace period. */
export function stopAll(graceMs = 5000): Promise<void> {
  return stopProcesses([...children], graceMs);
}

/** Stops these children (and their descendants) the same way, leaving any others running. */
export async function stopProcesses(list: readonly ChildProcess[], graceMs = 5000): Promise<void> {
  const alive = list.filter((c) => c.exitCode === null && c.signalCode === null && c.pid);
  const trees = alive.map((c) => ({ child: c, pids: [...descendants(c.pid as number), c.pid as number] }));
  for (const { child } of trees) signalTree(child.pid as number, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && trees.some(({ pids }) => pids.some(isAlive))) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const { pids } of trees) for (const p of pids) if (isAlive(p)) safeKill(p, "SIGKILL");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function safeKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
