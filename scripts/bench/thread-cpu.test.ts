import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ThreadCpu } from "./thread-cpu";

// A process whose busy thread ends inside the measured window, as sharp's libvips threads do:
// its time must stay in the process's figure although its /proc task entry is gone.
const CHILD = `
const { Worker } = require("node:worker_threads");
const w = new Worker("const end = Date.now() + 400; while (Date.now() < end) {}", { eval: true });
w.on("exit", () => { process.stdout.write("ended\\n"); setTimeout(() => {}, 60_000); });
`;

describe.skipIf(!existsSync("/proc/self/stat"))("ThreadCpu", () => {
  it("counts the CPU of a thread that ended within the window", async () => {
    const child = spawn(process.execPath, ["-e", CHILD], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const cpu = new ThreadCpu(child.pid as number);
      await cpu.measure(
        () =>
          new Promise<{ samples: number[] }>((resolve, reject) => {
            child.stdout.on("data", (chunk: Buffer) => {
              if (chunk.toString().includes("ended")) resolve({ samples: [0] });
            });
            child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
          }),
      );
      const per = cpu.perRequest();
      expect(per).not.toBeNull();
      // The worker spun for 400 ms of wall time; even on a loaded machine it got well over 100 ms of CPU.
      expect(per?.all).toBeGreaterThan(100);
      // None of it is in a thread still alive: it is reported as ended (image) threads' time.
      expect(per?.images).toBeGreaterThan(100);
      expect(per?.main).toBeLessThan(per?.all as number);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
