import "server-only";

import { execFile } from "node:child_process";

export interface ToolRun {
  /** The tool (ffmpeg, ffprobe) as named in errors. */
  name: string;
  /** Executable path, or a bare name looked up on PATH. */
  binary: string;
  args: readonly string[];
  timeoutMs: number;
  /** Cap on captured stdout; the tool is killed past it. */
  maxStdoutBytes: number;
}

export type ToolResult = { ok: true; stdout: Buffer; stderr: string } | { ok: false; exitCode: number | null; stderr: string };

function errnoCode(error: unknown): string | number | undefined {
  if (error instanceof Error && "code" in error) {
    const code: unknown = error.code;
    if (typeof code === "string" || typeof code === "number") return code;
  }
  return undefined;
}

/**
 * Runs a media tool with an argument array (never a shell), a hard timeout and a capped
 * stdout. A tool that exits non-zero is a result, because callers decide whether that
 * means bad input; a missing tool, a timeout or runaway output is thrown, because it
 * means the server is misconfigured or overloaded. Those are plain Errors on purpose:
 * the route wrapper logs them and shows the client a generic message.
 */
export function runTool(run: ToolRun): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(
      run.binary,
      [...run.args],
      {
        encoding: "buffer",
        timeout: run.timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: run.maxStdoutBytes,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        const stderrText = stderr.toString("utf8").trim().slice(0, 4000);
        if (!error) {
          resolve({ ok: true, stdout, stderr: stderrText });
          return;
        }
        const code = errnoCode(error);
        if (code === "ENOENT" || code === "EACCES") {
          reject(
            new Error(
              `${run.name} could not be started (${code} for "${run.binary}"). ` +
                "Install ffmpeg (e.g. `apt-get install -y ffmpeg`) so that ffmpeg and ffprobe are on the PATH.",
              { cause: error },
            ),
          );
          return;
        }
        if (code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") {
          reject(new Error(`${run.name} produced more than ${run.maxStdoutBytes} bytes of output.`, { cause: error }));
          return;
        }
        if ("killed" in error && error.killed) {
          reject(new Error(`${run.name} did not finish within ${run.timeoutMs} ms and was stopped.`, { cause: error }));
          return;
        }
        resolve({ ok: false, exitCode: typeof code === "number" ? code : null, stderr: stderrText });
      },
    );
  });
}
