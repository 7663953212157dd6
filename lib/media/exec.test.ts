import { describe, expect, it } from "vitest";

import { runTool } from "./exec";

const base = { name: "tool", timeoutMs: 10_000, maxStdoutBytes: 1024 * 1024 };

describe("runTool", () => {
  it("returns stdout as bytes, passing arguments without a shell", async () => {
    const result = await runTool({ ...base, binary: "printf", args: ["%s|", "a b", "$(echo no)", ";rm"] });
    expect(result).toEqual({ ok: true, stdout: Buffer.from("a b|$(echo no)|;rm|"), stderr: "" });
  });

  it("returns a non-zero exit as a result, with stderr", async () => {
    const result = await runTool({ ...base, binary: "sh", args: ["-c", "echo oops >&2; exit 3"] });
    expect(result).toEqual({ ok: false, exitCode: 3, stderr: "oops" });
  });

  it("throws a helpful error when the binary is missing", async () => {
    await expect(runTool({ ...base, name: "ffmpeg", binary: "/nonexistent/ffmpeg", args: [] })).rejects.toThrow(
      /ffmpeg could not be started \(ENOENT for "\/nonexistent\/ffmpeg"\)\. Install ffmpeg/,
    );
  });

  it("stops a tool that runs past its timeout", async () => {
    await expect(runTool({ ...base, binary: "sleep", args: ["30"], timeoutMs: 200 })).rejects.toThrow(
      /did not finish within 200 ms/,
    );
  });

  it("stops a tool whose output exceeds the cap", async () => {
    await expect(runTool({ ...base, binary: "head", args: ["-c", "100000", "/dev/zero"], maxStdoutBytes: 1000 })).rejects.toThrow(
      /more than 1000 bytes/,
    );
  });
});
