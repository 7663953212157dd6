/**
 * Target 4: open tabs must not multiply the upstream calls. A video is started, `tabs`
 * simulated tabs poll its status the way the result card does (every second until it
 * finishes), and the emulator's stats say how often the studio asked Pixapi about the task.
 * The server's tracker alone polls upstream, so 1 and 5 tabs should cost the same.
 */
import type { StudioUnderTest } from "./context";
import type { Row } from "./table";

/** components/studio/use-generation.ts polls a pending generation this often. */
const TAB_POLL_MS = 1000;
/** The tracker's base interval (TRACKER_POLL_MS, left at its default by the bench). */
export const TRACKER_POLL_MS = 1000;

interface EmulatorStats {
  tasks: Record<string, { polls: number }>;
}

interface GenerationAnswer {
  generation: { id: string; status: string; startedAt: string | null; completedAt: string | null };
}

async function stats(t: StudioUnderTest): Promise<EmulatorStats> {
  return JSON.parse((await t.emulator.request("GET", "/_emulator/stats")).body.toString()) as EmulatorStats;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function videoWithTabs(t: StudioUnderTest, tabs: number, video: { model: string; duration: number }): Promise<{ polls: number; seconds: number }> {
  const cookie = t.cookies[0] as string;
  const before = new Set(Object.keys((await stats(t)).tasks));
  const submitted = await t.api.request("POST", "/api/generations", {
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ kind: "video", model: video.model, prompt: `bench video, ${tabs} tab(s)`, duration: video.duration, size: "1280x720" }),
  });
  if (submitted.status !== 202) throw new Error(`video submit answered ${submitted.status}: ${submitted.body.toString()}`);
  const { generation } = JSON.parse(submitted.body.toString()) as GenerationAnswer;
  const deadline = Date.now() + 180_000;
  let last = generation;
  const tab = async () => {
    while (Date.now() < deadline) {
      const res = await t.api.request("GET", `/api/generations/${generation.id}`, { headers: { cookie } });
      last = (JSON.parse(res.body.toString()) as GenerationAnswer).generation;
      if (last.status === "completed" || last.status === "failed") return;
      await sleep(TAB_POLL_MS);
    }
    throw new Error(`video ${generation.id} did not finish in time`);
  };
  await Promise.all(Array.from({ length: tabs }, (_, i) => sleep((i * TAB_POLL_MS) / tabs).then(tab)));
  if (last.status !== "completed") throw new Error(`video ${generation.id} ended ${last.status}`);
  const fresh = Object.entries((await stats(t)).tasks).filter(([id]) => !before.has(id));
  if (fresh.length !== 1) throw new Error(`expected the one video task among the emulator's new tasks, found ${fresh.length}`);
  const seconds = (Date.parse(last.completedAt ?? "") - Date.parse(last.startedAt ?? "")) / 1000;
  return { polls: (fresh[0] as [string, { polls: number }])[1].polls, seconds };
}

export async function measurePolls(t: StudioUnderTest, video: { model: string; duration: number }): Promise<Row[]> {
  const one = await videoWithTabs(t, 1, video);
  const five = await videoWithTabs(t, 5, video);
  const bound = (r: { seconds: number }) => Math.floor((r.seconds * 1000) / TRACKER_POLL_MS) + 2;
  return [
    {
      on: t.on,
      what: "upstream task polls per video, 1 open tab",
      figure: `${one.polls} polls over ${one.seconds.toFixed(1)} s`,
      baseline: `duration/interval + 2 = ${bound(one)}`,
      ratio: one.polls / bound(one),
      target: "≤ duration/interval + 2",
      ok: one.polls <= bound(one),
    },
    {
      on: t.on,
      what: "upstream task polls per video, 5 open tabs",
      figure: `${five.polls} polls over ${five.seconds.toFixed(1)} s`,
      baseline: `1 tab: ${one.polls} polls`,
      ratio: five.polls / one.polls,
      // The tracker's backoff has ±20 % jitter: two runs of the same video may differ by a poll.
      target: `same as 1 tab (±1 jitter), ≤ ${bound(five)}`,
      ok: Math.abs(five.polls - one.polls) <= 1 && five.polls <= bound(five),
    },
  ];
}
