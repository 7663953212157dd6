import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pendingDeleteIds as pendingIds, scheduleDelete, UNDO_WINDOW_MS } from "./pending-deletes";

describe("deletes that wait out their undo window", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the delete only when the window closes", () => {
    const commit = vi.fn();
    scheduleDelete("g1", commit, vi.fn());
    vi.advanceTimersByTime(UNDO_WINDOW_MS - 1);
    expect(commit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it("undo within the window sends nothing; undo after it says it was too late", () => {
    const kept = vi.fn();
    const undoKept = scheduleDelete("g2", kept, vi.fn());
    vi.advanceTimersByTime(UNDO_WINDOW_MS / 2);
    expect(undoKept()).toBe(true);
    vi.advanceTimersByTime(UNDO_WINDOW_MS * 2);
    expect(kept).not.toHaveBeenCalled();

    const sent = vi.fn();
    const undoSent = scheduleDelete("g3", sent, vi.fn());
    vi.advanceTimersByTime(UNDO_WINDOW_MS);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(undoSent()).toBe(false);
  });

  it("deleting the same item again restarts its window and sends once", () => {
    const first = vi.fn();
    const second = vi.fn();
    scheduleDelete("g4", first, vi.fn());
    vi.advanceTimersByTime(UNDO_WINDOW_MS - 100);
    scheduleDelete("g4", second, vi.fn());
    vi.advanceTimersByTime(UNDO_WINDOW_MS - 1);
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("a batch hides all its ids at once, waits one window, and undoes as one", async () => {
    const commit = vi.fn();
    const undo = scheduleDelete(["b1", "b2", "b3"], commit, vi.fn());
    expect([...pendingIds()].filter((id) => id.startsWith("b")).sort()).toEqual(["b1", "b2", "b3"]);
    vi.advanceTimersByTime(UNDO_WINDOW_MS / 2);
    expect(undo()).toBe(true);
    expect([...pendingIds()].filter((id) => id.startsWith("b"))).toEqual([]);
    vi.advanceTimersByTime(UNDO_WINDOW_MS * 2);
    expect(commit).not.toHaveBeenCalled();

    const sent = vi.fn();
    scheduleDelete(["b4", "b5"], sent, vi.fn());
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(pendingIds().has("b4")).toBe(false);
  });

  it("keeps the items hidden until the server has answered, then shows a failed one again", async () => {
    let answer: (ok: boolean) => void = () => undefined;
    const commit = vi.fn(() => new Promise<void>((resolve, reject) => (answer = (ok) => (ok ? resolve() : reject(new Error("refused"))))));
    const undo = scheduleDelete("s1", commit, vi.fn());
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);
    expect(commit).toHaveBeenCalledTimes(1);
    // Sent, not answered: still hidden (no flash back into the grid), and too late to undo.
    expect(pendingIds().has("s1")).toBe(true);
    expect(undo()).toBe(false);
    expect(pendingIds().has("s1")).toBe(true);
    answer(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(pendingIds().has("s1")).toBe(false);

    const ok = vi.fn(() => Promise.resolve());
    scheduleDelete("s2", ok, vi.fn());
    await vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS);
    expect(ok).toHaveBeenCalledTimes(1);
    expect(pendingIds().has("s2")).toBe(false);
  });
});
