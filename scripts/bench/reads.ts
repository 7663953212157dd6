/**
 * Targets 1, 2 and 6: what many users at once cost. Status read, list read and async
 * submit at `size.users` concurrent users, each beside the framework's floor (the liveness
 * route, no database) and the emulator's own answer to the same kind of request, with the
 * Next process's RSS sampled throughout. Reads are measured in two interleaved passes, so
 * a noisy neighbour on the machine weighs on every figure alike.
 */
import { mergeLatencies, percentile, runUsers, type Latencies } from "../load/driver";
import { EMULATOR_KEY, type StudioUnderTest } from "./context";
import { rssBytes, rssSampler } from "./rss";
import { runningGenerationId } from "./seed-users";
import { mb, ms, type Row } from "./table";
import { MachineCpu } from "./machine-cpu";
import { ThreadCpu } from "./thread-cpu";

/** The page size the gallery asks for (components/gallery/use-gallery.ts). */
const LIST_LIMIT = 24;

type Step = (user: number, round: number) => Promise<number>;

/** Each step's latencies over both passes, and the CPU the server's threads spent on it in the second (warm: no first-call compiling). */
async function interleaved(t: StudioUnderTest, steps: Record<string, Step>, rounds: number): Promise<Record<string, { latencies: Latencies; cpu: ThreadCpu }>> {
  const users = Array.from({ length: t.size.users }, (_, i) => i + 1);
  const runs: Record<string, Latencies[]> = {};
  const cpu: Record<string, ThreadCpu> = {};
  const half = Math.ceil(rounds / 2);
  for (let pass = 0; pass < 2; pass++) {
    for (const [name, step] of Object.entries(steps)) {
      const meter = (cpu[name] ??= new ThreadCpu(t.studio.serverPid));
      const run = () => runUsers({ users, rounds: half, warmup: pass === 0 ? 2 : 0, step });
      (runs[name] ??= []).push(await (pass === 1 ? meter.measure(run) : run()));
    }
  }
  return Object.fromEntries(Object.entries(runs).map(([name, r]) => [name, { latencies: mergeLatencies(r), cpu: cpu[name] as ThreadCpu }]));
}

/**
 * What one request cost the server's threads, beside the liveness route's cost under the same
 * load. On PGlite the busiest other thread is the database's; on PostgreSQL the database's
 * own processes are not counted (they are not the Next process).
 */
function cpuRow(t: StudioUnderTest, what: string, cpu: ThreadCpu, live: ThreadCpu): Row | null {
  const mine = cpu.perRequest();
  const floor = live.perRequest();
  if (!mine || !floor) return null;
  const other = t.on === "PGlite" ? "PGlite's thread" : "busiest other thread";
  return {
    on: t.on,
    what: `CPU per request, ${what} (Next process${t.on === "PGlite" ? "" : "; PostgreSQL's processes not counted"})`,
    figure: `main ${ms(mine.main)} ms, ${other} ${ms(mine.busiestOther)} ms,${mine.images > 0 ? ` image threads (libvips) ${ms(mine.images)} ms,` : ""} all ${ms(mine.all)} ms`,
    baseline: `liveness: main ${ms(floor.main)} ms, all ${ms(floor.all)} ms`,
    ratio: mine.all / floor.all,
    target: "",
    ok: null,
  };
}

/**
 * The same window seen by the whole machine: the Next process's share of it, and the rest
 * (the emulator rendering, PostgreSQL's processes, this client). All cores busy means the
 * load is bound by the machine, not by the server's threads.
 */
function machineRow(t: StudioUnderTest, what: string, machine: MachineCpu, server: ThreadCpu): Row | null {
  const all = machine.perRequest();
  const next = server.perRequest();
  if (!all || !next) return null;
  return {
    on: t.on,
    what: `CPU per request, ${what}: the whole machine (the Next process, and the rest: emulator${t.on === "PGlite" ? "" : ", PostgreSQL"}, bench client)`,
    figure: `${ms(all.busy)} ms: Next ${ms(next.all)} ms, the rest ${ms(Math.max(0, all.busy - next.all))} ms`,
    baseline: `${(all.coresBusy * 100).toFixed(0)} % of ${all.cores} cores busy`,
    ratio: null,
    target: "",
    ok: null,
  };
}

function describe(l: Latencies): string {
  const bad = Object.entries(l.statuses).filter(([s]) => Number(s) >= 400);
  return `p50 ${ms(percentile(l.samples, 50))} ms, p99 ${ms(percentile(l.samples, 99))} ms, ${l.throughput.toFixed(0)}/s${bad.length ? ` (HTTP ${bad.map(([s, n]) => `${s}×${n}`).join(", ")})` : ""}`;
}

function expectStatus(l: Latencies, status: number): boolean {
  return Object.keys(l.statuses).every((s) => Number(s) === status);
}

export async function measureLoad(t: StudioUnderTest): Promise<Row[]> {
  const { api, emulator, cookies } = t;
  const cookie = (u: number) => ({ cookie: cookies[u - 1] as string });
  const idleRss = rssBytes(t.studio.serverPid);
  const rss = rssSampler(t.studio.serverPid);
  try {
    const task = JSON.parse(
      (await emulator.request("POST", "/v1/async/images/generations", { headers: EMULATOR_KEY, body: JSON.stringify({ model: "gemini-2.5-flash-image", prompt: "bench poll target", size: "256x256", quality: "low" }) })).body.toString(),
    ) as { id: string };
    const reads = await interleaved(
      t,
      {
        live: async () => (await api.request("GET", "/api/health/live")).status,
        emulatorTask: async () => (await emulator.request("GET", `/v1/tasks/${task.id}`, { headers: EMULATOR_KEY })).status,
        status: async (u) => (await api.request("GET", `/api/generations/${runningGenerationId(u)}`, { headers: cookie(u) })).status,
        list: async (u) => (await api.request("GET", `/api/generations?limit=${LIST_LIMIT}`, { headers: cookie(u) })).status,
      },
      t.size.rounds,
    );
    // Submits: tiny cheap images, so the emulator's rendering weighs little on the machine.
    const body = (u: number, round: number) => JSON.stringify({ kind: "image", model: "gemini-2.5-flash-image", prompt: `bench submit ${u}-${round}`, size: "256x256", quality: "low" });
    const users = Array.from({ length: t.size.users }, (_, i) => i + 1);
    const warm = await warmSubmits(t);
    const emulatorTasks: string[] = [];
    const emuSubmit = await runUsers({
      users,
      rounds: t.size.submitRounds,
      warmup: 1,
      step: async (u, round) => {
        const res = await emulator.request("POST", "/v1/async/images/generations", { headers: EMULATOR_KEY, body: body(u, round) });
        if (res.status === 200) emulatorTasks.push((JSON.parse(res.body.toString()) as { id: string }).id);
        return res.status;
      },
    });
    // The emulator renders each accepted task at once, on the same cores: hundreds of renders
    // still running would weigh on the studio's submits measured next (earlier runs swung
    // 2.9-4.4 × on that). The baseline's own leftovers are not the studio's cost: let them finish.
    await waitForEmulatorTasks(t, emulatorTasks);
    const submitted = new Map<number, string[]>();
    const submitCpu = new ThreadCpu(t.studio.serverPid);
    const submitMachine = new MachineCpu();
    const submit = await submitMachine.measure(() => submitCpu.measure(() => runUsers({ users, rounds: t.size.submitRounds, warmup: 1, step: submitStep(t, body, submitted) })));
    const loadEnded = Date.now();
    const drained = await drainSubmitted(t, submitted, loadEnded);
    const live = (reads.live as { latencies: Latencies }).latencies;
    const cpu = (name: string) => (reads[name] as { cpu: ThreadCpu }).cpu;
    const lat = (name: string) => (reads[name] as { latencies: Latencies }).latencies;
    const floor = `liveness p50 ${ms(percentile(live.samples, 50))} ms`;
    const rows: Row[] = [
      { on: t.on, what: `GET /api/health/live (the floor), ${t.size.users} users`, figure: describe(live), baseline: "", ratio: null, target: "", ok: expectStatus(live, 200) ? null : false },
      row(t, "emulator GET /v1/tasks/{id} (upstream)", lat("emulatorTask"), live, floor, null, 200),
      row(t, "status read GET /api/generations/{id}", lat("status"), live, floor, 2, 200),
      row(t, `list read GET /api/generations?limit=${LIST_LIMIT}`, lat("list"), live, floor, 2, 200),
      row(t, "emulator async submit (upstream)", emuSubmit, live, floor, null, 200),
      row(t, "async submit POST /api/generations", submit, live, floor, 3, 202),
      drainRow(t, drained),
      warmRow(t, warm, live, floor),
      ...[
        cpuRow(t, "status read", cpu("status"), cpu("live")),
        cpuRow(t, "list read", cpu("list"), cpu("live")),
        // The submit load's window holds the background runs the submits started (upstream calls, downloads, thumbnails, settles).
        cpuRow(t, "async submit, with the runs it started meanwhile", submitCpu, cpu("live")),
        machineRow(t, "async submit", submitMachine, submitCpu),
      ].filter((r): r is Row => r !== null),
    ];
    rss.stop();
    const peak = rss.peak();
    rows.push({ on: t.on, what: "peak RSS of the Next process (reads + submits)", figure: mb(peak), baseline: `idle after start ${mb(idleRss)}`, ratio: peak / idleRss, target: "", ok: null });
    return rows;
  } finally {
    rss.stop();
  }
}

/** Waits (at most 120 s) until the emulator has finished every task in `ids`. */
async function waitForEmulatorTasks(t: StudioUnderTest, ids: readonly string[]): Promise<void> {
  const until = Date.now() + 120_000;
  let open = [...ids];
  while (open.length && Date.now() < until) {
    const still: string[] = [];
    for (const id of open) {
      const res = await t.emulator.request("GET", `/v1/tasks/${id}`, { headers: EMULATOR_KEY });
      const status = res.status === 200 ? (JSON.parse(res.body.toString()) as { status?: string }).status : "gone";
      if (status === "submitted" || status === "processing" || status === "running") still.push(id);
    }
    open = still;
    if (open.length) await new Promise((r) => setTimeout(r, 500));
  }
}

/** Only the 32-user reads beside the floor (for `--profile`: what a polling studio spends its CPU on). */
export async function measureReadsOnly(t: StudioUnderTest, rounds: number): Promise<Row[]> {
  const cookie = (u: number) => ({ cookie: t.cookies[u - 1] as string });
  const reads = await interleaved(
    t,
    {
      live: async () => (await t.api.request("GET", "/api/health/live")).status,
      status: async (u) => (await t.api.request("GET", `/api/generations/${runningGenerationId(u)}`, { headers: cookie(u) })).status,
      list: async (u) => (await t.api.request("GET", `/api/generations?limit=${LIST_LIMIT}`, { headers: cookie(u) })).status,
    },
    rounds,
  );
  const live = (reads.live as { latencies: Latencies }).latencies;
  const floor = `liveness p50 ${ms(percentile(live.samples, 50))} ms`;
  const pick = (name: string) => reads[name] as { latencies: Latencies; cpu: ThreadCpu };
  return [
    { on: t.on, what: `GET /api/health/live (the floor), ${t.size.users} users`, figure: describe(live), baseline: "", ratio: null, target: "", ok: null },
    row(t, "status read GET /api/generations/{id}", pick("status").latencies, live, floor, 2, 200),
    row(t, `list read GET /api/generations?limit=${LIST_LIMIT}`, pick("list").latencies, live, floor, 2, 200),
    ...[cpuRow(t, "status read", pick("status").cpu, pick("live").cpu), cpuRow(t, "list read", pick("list").cpu, pick("live").cpu)].filter((r): r is Row => r !== null),
  ];
}

/**
 * Only the 32-user async submits beside the floor (for `--profile=submit`): the liveness
 * route is measured right before and right after, so background work a submit starts
 * (the upstream call, the tracker, storing the result) weighs on the floor as it does on submits.
 */
export async function measureSubmitsOnly(t: StudioUnderTest, rounds: number): Promise<Row[]> {
  const users = Array.from({ length: t.size.users }, (_, i) => i + 1);
  const body = (u: number, round: number) => JSON.stringify({ kind: "image", model: "gemini-2.5-flash-image", prompt: `bench submit ${u}-${round}`, size: "256x256", quality: "low" });
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

interface Warmed {
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
async function warmSubmits(t: StudioUnderTest): Promise<Warmed> {
  const users = Array.from({ length: t.size.users }, (_, i) => i + 1);
  const rule = await t.emulator.request("POST", "/_emulator/faults", {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ match: { prompt_contains: WARM_PROMPT }, action: "insufficient_credits", message: "bench warm-up: refused on purpose" }),
  });
  if (rule.status !== 201) throw new Error(`the emulator refused the warm-up fault rule (${rule.status}): ${rule.body.toString()}`);
  const { id } = JSON.parse(rule.body.toString()) as { id: string };
  try {
    const body = (u: number, round: number) => JSON.stringify({ kind: "image", model: "gemini-2.5-flash-image", prompt: `${WARM_PROMPT} ${u}-${round}`, size: "256x256", quality: "low" });
    const submitted = new Map<number, string[]>();
    const latencies = await runUsers({ users, rounds: t.size.submitWarmRounds, warmup: 0, step: submitStep(t, body, submitted) });
    const drained = await drainSubmitted(t, submitted, Date.now());
    return { latencies, drained };
  } finally {
    await t.emulator.request("DELETE", `/_emulator/faults/${id}`);
  }
}

/** The warm-up beside the floor: no target (a fresh server's first submits), and every one of its runs must have ended (refused upstream, so failed). */
function warmRow(t: StudioUnderTest, warm: Warmed, live: Latencies, floor: string): Row {
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
function submitStep(t: StudioUnderTest, body: (u: number, round: number) => string, submitted: Map<number, string[]>): (u: number, round: number) => Promise<number> {
  return async (u, round) => {
    const res = await t.api.request("POST", "/api/generations", { headers: { cookie: t.cookies[u - 1] as string, "content-type": "application/json" }, body: body(u, round) });
    if (res.status === 202) {
      const { generation } = JSON.parse(res.body.toString()) as { generation: { id: string } };
      (submitted.get(u) ?? submitted.set(u, []).get(u))?.push(generation.id);
    }
    return res.status;
  };
}

interface Drained {
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
async function drainSubmitted(t: StudioUnderTest, submitted: Map<number, string[]>, loadEnded: number): Promise<Drained> {
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

function drainRow(t: StudioUnderTest, d: Drained): Row {
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

function row(t: StudioUnderTest, what: string, l: Latencies, live: Latencies, floor: string, maxRatio: number | null, status: number): Row {
  const ratio = percentile(l.samples, 50) / percentile(live.samples, 50);
  const statusOk = expectStatus(l, status);
  return {
    on: t.on,
    what: `${what}, ${t.size.users} users`,
    figure: describe(l),
    baseline: floor,
    ratio,
    target: maxRatio === null ? "" : `p50 ≤ ${maxRatio} × liveness`,
    ok: maxRatio === null ? (statusOk ? null : false) : statusOk && ratio <= maxRatio,
  };
}
