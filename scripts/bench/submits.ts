/**
 * Target 2's submit side: the warm-up before the measured submits, one user's submit, and
 * the proof afterwards that every accepted generation ended (none lost), with the rows that
 * report them. `--profile=submit` measures the submits alone (measureSubmitsOnly).
 */
import { mergeLatencies, percentile, runUsers, type Latencies } from "../load/driver";
import type { StudioUnderTest } from "./context";
import { describe, expectStatus, row } from "./load-rows";
import { ms, type Row } from "./table";

/** The submits the bench makes: tiny cheap images, so the emulator's rendering weighs little on the machine. */
export function submitBody(prompt: string): (u: number, round: number) => string {
  return (u, round) => JSON.stringify({ kind: "image", model: "gemini-2.5-flash-image", prompt: `${prompt} ${u}-${round}`, size: "256x256", quality: "low" });
}

/**
 * Only the 32-user async submits beside the floor (for `--profile=submit`): the liveness
 * route is measured right before and right after, so background work a submit starts
 * (the upstream call, the tracker, storing the result) weighs on the floor as it does on submits.
 */
export async function measureSubmitsOnly(t: StudioUnderTest, rounds: number): Promise<Row[]> {
  const users = Array.from({ length: t.size.users }, (_, i) => i + 1);
  const body = submitBody("bench submit");
  const liveStep = async () => (await t.api.request("GET", "/api/health/live")).status;
  const before = await runUsers({ users, rounds, warmup: 2, step: liveStep });
  await warmSubmits(t);
  const submitted = new Map<number, string[]>();
  const submit = await runUsers({ users, rounds, warmup: 1, step: submitStep(t, body, submitted) });
  const loadEnded = Date.now();
  const after = await runUsers({ users, rounds, warmup: 0, step: liveStep });
  const drained = await drainSubmitted(t, submitted, loadEnded);
  const live = mergeLatencies([before, after]);
  const floor = `liveness p50 ${ms(percentile(live.samples, 50))} ms`;
  return [
    { on: t.on, what: `GET /api/health/live (the floor, before and after), ${t.size.users} users`, figure: describe(live), baseline: "", ratio: null, target: "", ok: null },
    row(t, "async submit POST /api/generations", submit, live, floor, 3, 202),
    drainRow(t, drained),
  ];
}

const WARM_PROMPT = "bench warm-up";

export interface Warmed {
  latencies: Latencies;
  drained: Drained;
}

/**
 * Submits `size.submitWarmRounds` per user before the measured ones. A server that has been
 * serving a while has its submit path compiled: on a fresh one, the first few hundred
 * submits cost 1.5-2 × the CPU of later ones (V8 optimizing the JavaScript on its helper
 * threads, PGlite's WebAssembly tiering up), where the reads measured before have had
 * thousands of requests. The reads get the same treatment (their CPU is taken in a second
 * pass). The emulator refuses these requests' upstream calls (402, not retried), so their
 * runs end at once instead of leaving a backlog that would weigh on the measured window;
 * the submit requests themselves take exactly the measured path. Their latencies are kept
 * for the table: what a freshly started server answers.
 */
export async function warmSubmits(t: StudioUnderTest): Promise<Warmed> {
  const users = Array.from({ length: t.size.users }, (_, i) => i + 1);
  const rule = await t.emulator.request("POST", "/_emulator/faults", {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ match: { prompt_contains: WARM_PROMPT }, action: "insufficient_credits", message: "bench warm-up: refused on purpose" }),
  });
  if (rule.status !== 201) throw new Error(`the emulator refused the warm-up fault rule (${rule.status}): ${rule.body.toString()}`);
  const { id } = JSON.parse(rule.body.toString()) as { id: string };
  try {
    const body = submitBody(WARM_PROMPT);
    const submitted = new Map<number, string[]>();
    const latencies = await runUsers({ users, rounds: t.size.submitWarmRounds, warmup: 0, step: submitStep(t, body, submitted) });
    const drained = await drainSubmitted(t, submitted, Date.now());
    return { latencies, drained };
  } finally {
    await t.emulator.request("DELETE", `/_emulator/faults/${id}`);
  }
}

/** The warm-up beside the floor: no target (a fresh server's first submits), and every one of its runs must have ended (refused upstream, so failed). */
export function warmRow(t: StudioUnderTest, warm: Warmed, live: Latencies, floor: string): Row {
  const ratio = percentile(warm.latencies.samples, 50) / percentile(live.samples, 50);
  const { drained } = warm;
  const ended = drained.completed + drained.failed === drained.submitted && drained.unfinished === 0;
  return {
    on: t.on,
    what: `async submit on a fresh server: the ${drained.submitted} warm-up submits before the measured ones (runs refused upstream), ${t.size.users} users`,
    figure: describe(warm.latencies),
    baseline: floor,
    ratio,
    target: "",
    ok: expectStatus(warm.latencies, 202) && ended ? null : false,
  };
}

/** One user's submit; the ids of accepted generations are kept, to check that each one finishes. */
export function submitStep(t: StudioUnderTest, body: (u: number, round: number) => string, submitted: Map<number, string[]>): (u: number, round: number) => Promise<number> {
  return async (u, round) => {
    const res = await t.api.request("POST", "/api/generations", { headers: { cookie: t.cookies[u - 1] as string, "content-type": "application/json" }, body: body(u, round) });
    if (res.status === 202) {
      const { generation } = JSON.parse(res.body.toString()) as { generation: { id: string } };
      (submitted.get(u) ?? submitted.set(u, []).get(u))?.push(generation.id);
    }
    return res.status;
  };
}

export interface Drained {
  submitted: number;
  completed: number;
  failed: number;
  /** Accepted but neither completed nor failed at the deadline (or no longer found): lost. */
  unfinished: number;
  /** From the end of the submit load until the last one finished. */
  seconds: number;
}

/**
 * Waits until every generation the submit load created has finished (through the pending
 * poll the browser uses, GET /api/generations?ids=), and counts how each one ended. A
 * bounded run queue trades background throughput for request latency: this is the proof
 * that nothing is lost and how long the backlog took.
 */
export async function drainSubmitted(t: StudioUnderTest, submitted: Map<number, string[]>, loadEnded: number): Promise<Drained> {
  const deadline = Date.now() + 300_000;
  const ended: Record<string, number> = {};
  let unfinished = 0;
  let lastFinish = loadEnded;
  for (const [u, ids] of submitted) {
    let pending = [...ids];
    while (pending.length) {
      const chunk = pending.slice(0, 50);
      const res = await t.api.request("GET", `/api/generations?ids=${chunk.join(",")}`, { headers: { cookie: t.cookies[u - 1] as string } });
      const { items } = JSON.parse(res.body.toString()) as { items: { id: string; status: string }[] };
      const status = new Map(items.map((g) => [g.id, g.status]));
      const done = chunk.filter((id) => status.get(id) === "completed" || status.get(id) === "failed");
      for (const id of done) ended[status.get(id) as string] = (ended[status.get(id) as string] ?? 0) + 1;
      if (done.length) lastFinish = Date.now();
      // Absent: deleted or never written, i.e. lost (no one deletes in the bench).
      const missing = chunk.filter((id) => !status.has(id));
      unfinished += missing.length;
      pending = pending.filter((id) => !done.includes(id) && !missing.includes(id));
      if (pending.length && Date.now() > deadline) {
        unfinished += pending.length;
        break;
      }
      if (pending.length && !done.length) await new Promise((r) => setTimeout(r, 250));
    }
  }
  const count = [...submitted.values()].reduce((n, ids) => n + ids.length, 0);
  return { submitted: count, completed: ended.completed ?? 0, failed: ended.failed ?? 0, unfinished, seconds: (lastFinish - loadEnded) / 1000 };
}

export function drainRow(t: StudioUnderTest, d: Drained): Row {
  return {
    on: t.on,
    what: "submitted generations finished after the submit load (none lost)",
    figure: `${d.completed} of ${d.submitted} completed${d.failed ? `, ${d.failed} failed` : ""}${d.unfinished ? `, ${d.unfinished} LOST` : ""}`,
    baseline: `drained ${d.seconds.toFixed(1)} s after the load`,
    ratio: null,
    target: "all completed",
    ok: d.completed === d.submitted && d.submitted > 0,
  };
}

/** Waits until every generation the submit phase started has finished (the tracker is idle again). */
export async function settleSubmits(t: StudioUnderTest): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (let u = 1; u <= t.size.users; u++) {
    for (;;) {
      const res = await t.api.request("GET", "/api/generations?limit=60&q=bench%20submit", { headers: { cookie: t.cookies[u - 1] as string } });
      const { items } = JSON.parse(res.body.toString()) as { items: { status: string }[] };
      if (!items.some((g) => g.status === "queued" || g.status === "running")) break;
      if (Date.now() > deadline) throw new Error("the submitted generations did not finish within 5 minutes");
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
