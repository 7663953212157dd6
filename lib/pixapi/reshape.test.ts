import { describe, expect, it } from "vitest";

import { isTerminalStatus, reshapeTask, reshapeTaskStatus, unixToDate } from "./reshape";
import { taskResponseSchema } from "./schemas";

const task = (over: Record<string, unknown>) =>
  reshapeTask(taskResponseSchema.parse({ id: "t1", status: "processing", created: 1763088289, ...over }));

describe("reshapeTask", () => {
  it("reshapes the documented completed task", () => {
    const out = task({
      status: "completed",
      credits_cost: 1.5,
      model: "sora-2",
      progress: 100,
      result: { type: "video", data: [{ url: "https://xxx.xxx" }] },
      completed: 1763088308,
      some_new_field: { nested: true },
    });
    expect(out).toEqual({
      id: "t1",
      status: "completed",
      upstreamStatus: "completed",
      progress: 100,
      creditsCost: 1.5,
      resultType: "video",
      urls: ["https://xxx.xxx"],
      model: "sora-2",
      createdAt: new Date(1763088289 * 1000),
      completedAt: new Date(1763088308 * 1000),
    });
  });

  it("keeps an unknown status as a non-terminal `unknown`", () => {
    const out = task({ status: "queued_for_gpu", progress: 5 });
    expect(out.status).toBe("unknown");
    expect(out.upstreamStatus).toBe("queued_for_gpu");
    expect(isTerminalStatus(out.status)).toBe(false);
    expect(reshapeTaskStatus(" Completed ")).toBe("completed");
  });

  it("clamps progress and fills a failure reason from whatever field carries it", () => {
    expect(task({ progress: 140 }).progress).toBe(100);
    expect(task({ progress: -3 }).progress).toBe(0);
    expect(task({ progress: null }).progress).toBe(0);
    expect(task({ status: "failed", error: { code: "content_policy", message: "Blocked prompt" } }).error).toEqual({
      message: "Blocked prompt",
      code: "content_policy",
    });
    expect(task({ status: "failed", error: "GPU exploded" }).error).toEqual({ message: "GPU exploded" });
    expect(task({ status: "failed", fail_reason: "timeout upstream" }).error).toEqual({ message: "timeout upstream" });
    expect(task({ status: "failed" }).error?.message).toMatch(/failed/);
    expect(task({ status: "processing", error: "ignored while running" }).error).toBeUndefined();
  });

  it("is strict about the fields it reads", () => {
    expect(taskResponseSchema.safeParse({ id: "t1", status: "completed" }).success).toBe(false);
    expect(taskResponseSchema.safeParse({ id: "t1", status: "completed", created: "yesterday" }).success).toBe(false);
    expect(taskResponseSchema.safeParse({ id: "t1", status: 3, created: 1 }).success).toBe(false);
  });

  it("reads seconds, and milliseconds when a value can only be milliseconds", () => {
    expect(unixToDate(1763088289).toISOString()).toBe("2025-11-14T02:44:49.000Z");
    expect(unixToDate(1763088289123).toISOString()).toBe("2025-11-14T02:44:49.123Z");
  });
});
