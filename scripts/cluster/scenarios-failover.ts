import { assert, type Checks } from "./checks";
import { generationRows, waitUntil, type ClusterContext, type GenerationRow } from "./context";

/**
 * Instance 1 dies (SIGKILL) or is stopped (SIGTERM) while it holds tracker leases; the
 * other instance finishes its tasks, and the ledger shows every credit settled once.
 */
async function submitHeldTasks(ctx: ClusterContext, marker: string, count: number, latencyMs: number): Promise<string[]> {
  // Slow polls for these tasks keep instance 1 inside a poll (holding the lease) when it stops.
  await ctx.infra.emulator.control.addFault({ match: { route: "GET /v1/tasks/:id", prompt_contains: marker }, action: "latency", latency_ms: latencyMs });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    // Spaced wider than a tracker pass: whichever instance claims a task is then stuck in its
    // slow poll, so the next task falls to the other one. Submitted back to back, they came
    // due together and instance 2 could claim them all in one pass (instance 1 then held none).
    if (i > 0) await new Promise((r) => setTimeout(r, ctx.pollMs + 300));
    const gen = await ctx.client.submit(ctx.a.url, { kind: "image", model: "gemini-2.5-flash-image", prompt: `${marker} ${i}`, size: "1536x1024" });
    ids.push(gen.id);
  }
  let leased: GenerationRow[] = [];
  await waitUntil(`instance 1 to submit every ${marker} task and lease one`, 30_000, async () => {
    const rows = await generationRows(ctx, ids);
    leased = rows.filter((r) => r.lease_owner?.startsWith(ctx.a.leasePrefix) && r.upstream_task_id);
    return rows.every((r) => r.upstream_task_id) && leased.length > 0;
  });
  return ids;
}

/** When each task was first polled upstream after `since` (epoch ms), by upstream id. */
async function firstPollAfter(ctx: ClusterContext, rows: GenerationRow[], since: number): Promise<Map<string, number>> {
  const stats = await ctx.infra.emulator.control.stats();
  return new Map(rows.map((r) => [r.id, (stats.pollTimes[r.upstream_task_id ?? ""] ?? []).find((t) => t >= since) ?? NaN]));
}

async function waitAllCompleted(ctx: ClusterContext, ids: string[]): Promise<void> {
  const ended = await Promise.all(ids.map((id) => ctx.client.waitForEnd(() => ctx.b.url, id, 60_000)));
  const bad = ended.filter((g) => g.status !== "completed");
  assert(bad.length === 0, `not completed: ${bad.map((g) => `${g.id} ${g.status} ${g.error?.message ?? ""}`).join("; ")}`);
}

export async function failoverChecks(checks: Checks, ctx: ClusterContext): Promise<void> {
  await checks.run("instance 1 killed (SIGKILL) mid-task: its tasks finish through instance 2 once its leases expire", async () => {
    const ids = await submitHeldTasks(ctx, "cluster-kill", 4, 1500);
    await ctx.a.child.stop("SIGKILL");
    const killedAt = Date.now();
    // Instance 1 is gone: what it still held is what the database says now.
    const held = (await generationRows(ctx, ids)).filter((r) => r.lease_owner?.startsWith(ctx.a.leasePrefix));
    assert(held.length > 0, "instance 1 held no lease when it was killed");
    await ctx.infra.emulator.control.clearFaults();
    await waitAllCompleted(ctx, ids);
    const taken = await firstPollAfter(ctx, held, killedAt);
    const waits: number[] = [];
    for (const row of held) {
      const at = taken.get(row.id)!;
      assert(Number.isFinite(at), `task ${row.id} was never polled after the kill`);
      // Nobody polls a task while a lease on it is valid, even a dead instance's lease.
      assert(at >= row.lease_until!.getTime() - 5, `task ${row.id} polled ${row.lease_until!.getTime() - at} ms before the dead lease expired`);
      waits.push(at - killedAt);
    }
    return `${ids.length} tasks on instance 1, ${held.length} leased when it died; instance 2 took them ${Math.min(...waits)}-${Math.max(...waits)} ms later (lease ${ctx.leaseMs} ms, not before it expired); all ${ids.length} completed`;
  });

  await checks.run("instance 1 restarted, then stopped with SIGTERM mid-work: finishes what runs, refuses new work, exits 0, leaves no lease; instance 2 polls its tasks at once", async () => {
    // A long lease: if the stopping instance kept it, instance 2 would wait a minute.
    const longLeaseMs = 60_000;
    // Room for the in-flight call (render, thumbnail, upload) on a loaded machine; cut off at
    // the deadline it would be failed as interrupted, by design, and this check would fail.
    const deadlineMs = 10_000;
    await ctx.restartA({ TRACKER_LEASE_MS: String(longLeaseMs), SHUTDOWN_TIMEOUT_MS: String(deadlineMs) });
    // Polls slower than the shutdown deadline, so a lease is still held when the deadline
    // comes. (Instance 2's tracker waits for a slow poll of its own too, so it may need up to
    // that long to come round: still far less than the lease.)
    const ids = await submitHeldTasks(ctx, "cluster-term", 3, deadlineMs + 3000);
    // And a sync call still running upstream when the signal comes (well inside the deadline).
    await ctx.infra.emulator.control.addFault({ match: { route: "POST /v1/images/generations", prompt_contains: "cluster-inflight" }, action: "latency", latency_ms: 1000 });
    const inflight = await ctx.client.submit(ctx.a.url, { kind: "image", model: "gemini-2.5-flash-image", prompt: "cluster-inflight", size: "1024x1024" });
    await waitUntil("the in-flight call to start", 10_000, async () => (await generationRows(ctx, [inflight.id]))[0]?.status === "running");
    const held = (await generationRows(ctx, ids)).filter((r) => r.lease_owner?.startsWith(ctx.a.leasePrefix));
    assert(held.length > 0, "instance 1 held no lease when SIGTERM was sent");

    const stoppedAt = Date.now();
    const stopping = ctx.a.child.stop("SIGTERM", 20_000);
    await new Promise((r) => setTimeout(r, 300));
    // New work is refused while it drains: the listener is closed (no connection) or the app answers 503.
    const late = await ctx.client.request(ctx.a.url, "/api/generations", { method: "POST", json: { kind: "image", model: "gemini-2.5-flash-image", prompt: "cluster-too-late" } }).then(
      (res) => `HTTP ${res.status}`,
      () => "refused",
    );
    assert(late === "refused" || late === "HTTP 503", `a submit during shutdown got ${late}`);
    const exit = await stopping;
    const exitedAt = Date.now();
    assert(exit.code === 0 && exit.signal === null, `instance 1 exit: code ${exit.code}, signal ${exit.signal}`);

    const finished = (await generationRows(ctx, [inflight.id]))[0];
    assert(finished?.status === "completed", `the call in flight at SIGTERM is ${finished?.status}, not completed`);
    const { rows: tooLate } = await ctx.infra.db.query("SELECT id FROM generations WHERE prompt = 'cluster-too-late'");
    assert(tooLate.length === 0, "the refused submit left a generation");
    const left = (await generationRows(ctx, ids)).filter((r) => r.lease_owner?.startsWith(ctx.a.leasePrefix));
    assert(left.length === 0, `${left.length} lease(s) of the stopped instance left in the database`);
    await ctx.infra.emulator.control.clearFaults();
    await waitAllCompleted(ctx, ids);
    // Measured from the signal, not the exit: the leases are handed back as the drain starts,
    // so instance 2 may take a task over (and its slow poll finish it) before instance 1 has
    // exited. Instance 1 starts no poll after the signal, so any poll after it is instance 2's.
    const taken = await firstPollAfter(ctx, held, stoppedAt);
    const waits = held.map((r) => taken.get(r.id)! - stoppedAt);
    assert(waits.every((w) => Number.isFinite(w) && w < longLeaseMs / 2), `instance 2 took over after ${waits.join(", ")} ms (lease ${longLeaseMs} ms)`);
    return `in-flight sync call completed, a new submit ${late}, exit 0 after ${exitedAt - stoppedAt} ms (deadline ${deadlineMs} ms); ${held.length} lease(s) handed back, none left; instance 2 polled them ${Math.max(...waits)} ms after SIGTERM (lease was ${longLeaseMs} ms); all ${ids.length} completed`;
  });

  await checks.run("credits settle exactly once (ledger rows against the upstream's charges)", async () => {
    const { rows } = await ctx.infra.db.query<{ id: string; status: string; cost_milli: number | null; entries: string; entry_status: string | null; amount_milli: number | null }>(`
      SELECT g.id, g.status, g.cost_milli, count(u.id)::text AS entries, max(u.status::text) AS entry_status, max(u.amount_milli) AS amount_milli
      FROM generations g LEFT JOIN usage_entries u ON u.generation_id = g.id
      GROUP BY g.id, g.status, g.cost_milli`);
    assert(rows.length >= 15, `expected the run's generations, found ${rows.length}`);
    for (const r of rows) {
      assert(r.entries === "1", `generation ${r.id} has ${r.entries} ledger rows`);
      if (r.status === "completed") assert(r.entry_status === "settled" && r.amount_milli === r.cost_milli, `generation ${r.id}: ${r.entry_status} ${r.amount_milli} vs cost ${r.cost_milli}`);
      else assert(r.status === "failed" && r.entry_status === "released", `generation ${r.id} is ${r.status} with a ${r.entry_status} entry`);
    }
    const settledMilli = rows.filter((r) => r.entry_status === "settled").reduce((sum, r) => sum + (r.amount_milli ?? 0), 0);
    const account = await ctx.infra.emulator.control.getBalance(ctx.pixapiKey);
    const charged = ctx.startBalance - account.balance;
    assert(Math.abs(charged * 1000 - settledMilli) < 1, `upstream charged ${charged} credits, the ledger settled ${settledMilli / 1000}`);
    assert(account.reserved === 0, `upstream still holds ${account.reserved} credits`);
    return `${rows.length} generations, one ledger row each, none held; settled ${settledMilli / 1000} credits = ${charged} charged upstream`;
  });
}
