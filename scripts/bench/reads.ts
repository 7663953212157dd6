/**
 * Targets 1, 2 and 6: what many users at once cost. Status read, list read and async
 * submit at `size.users` concurrent users, each beside the framework's floor (the liveness
 * route, no database) and the emulator's own answer to the same kind of request, with the
 * Next process's RSS sampled throughout. Reads are measured in two interleaved passes, so
 * a noisy neighbour on the machine weighs on every figure alike. The submit's own steps (warm-up,
 * one user's submit, the drain) are in submits.ts, the shared rows in load-rows.ts.
 */
import { mergeLatencies, percentile, runUsers, type Latencies } from "../load/driver";
import { EMULATOR_KEY, type StudioUnderTest } from "./context";
import { cpuRow, describe, expectStatus, machineRow, row } from "./load-rows";
import { rssBytes, rssSampler } from "./rss";
import { runningGenerationId } from "./seed-users";
import { drainRow, drainSubmitted, submitBody, submitStep, warmRow, warmSubmits } from "./submits";
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
    const body = submitBody("bench submit");
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
