import type { HttpAnswer } from "../load/driver";
import { ACTIONS, BIG_UPLOAD_SHARE, type Action } from "./plan";
import type { Session } from "./session";
import type { SoakStats } from "./stats";
import { multipartBody } from "./uploads";

interface GenerationLite {
  id: string;
  status: "queued" | "running" | "completed" | "failed";
  outputs: { url: string }[];
}

const TOTAL_WEIGHT = Object.values(ACTIONS).reduce((a, b) => a + b, 0);

function pickAction(): Action {
  let roll = Math.random() * TOTAL_WEIGHT;
  for (const [action, weight] of Object.entries(ACTIONS) as [Action, number][]) {
    roll -= weight;
    if (roll < 0) return action;
  }
  return "gallery";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(Math.random() * list.length)];

function parse<T>(answer: HttpAnswer | null): T | null {
  if (!answer || answer.status >= 300) return null;
  try {
    return JSON.parse(answer.body.toString("utf8")) as T;
  } catch {
    return null;
  }
}

/**
 * One simulated person: signs in, then until `until` picks an action (submit an image, an
 * edit with an upload, a video; poll what is pending; browse the gallery and open a media
 * file; delete something; look at usage), waits a human pause, and goes again.
 */
export class SoakUser {
  /** Generations this user knows of, by id, with the last status seen. */
  private known = new Map<string, GenerationLite["status"]>();
  private seq = 0;

  constructor(
    readonly index: number,
    private readonly session: Session,
    private readonly stats: SoakStats,
    private readonly uploads: { big: Buffer; small: Buffer },
  ) {}

  get email(): string {
    return `soak-${this.index}@example.com`;
  }

  /** Signs in, trying again every second (a busy password hasher answers "try again") until `until`. */
  async signIn(password: string, until: number): Promise<boolean> {
    while (!(await this.session.signIn(this.email, password))) {
      if (Date.now() > until) return false;
      await sleep(1000);
    }
    return true;
  }

  async run(until: number): Promise<void> {
    while (Date.now() < until) {
      const answered = await this.act(pickAction());
      // A human pause; longer when the studio did not answer at all (restarting).
      await sleep(answered ? 400 + Math.random() * 1600 : 1000);
    }
  }

  private prompt(what: string): string {
    return `soak u${this.index} #${++this.seq} ${what}`;
  }

  private accepted(answer: HttpAnswer | null): void {
    const body = parse<{ generation: GenerationLite }>(answer);
    if (answer?.status === 202 && body) {
      this.stats.submitted.set(body.generation.id, this.index);
      this.known.set(body.generation.id, body.generation.status);
    }
  }

  private pending(): string[] {
    return [...this.known].filter(([, s]) => s === "queued" || s === "running").map(([id]) => id);
  }

  async act(action: Action): Promise<boolean> {
    const s = this.session;
    switch (action) {
      case "image": {
        const res = await s.json("POST", "/api/generations", { kind: "image", model: "gpt-image-2", prompt: this.prompt("a lighthouse"), quality: "low" });
        this.accepted(res);
        return res !== null;
      }
      case "video": {
        const res = await s.json("POST", "/api/generations", { kind: "video", model: "veo", prompt: this.prompt("waves"), duration: 1 + Math.floor(Math.random() * 3) });
        this.accepted(res);
        return res !== null;
      }
      case "edit": {
        const big = Math.random() < BIG_UPLOAD_SHARE;
        const bytes = big ? this.uploads.big : this.uploads.small;
        const { body, contentType } = multipartBody(
          { kind: "edit", model: "gpt-image-2", prompt: this.prompt("make it blue"), quality: "low" },
          { field: "image", name: "in.png", type: "image/png", bytes },
        );
        const res = await s.send("POST", "/api/generations", { headers: { "content-type": contentType }, body });
        this.stats.uploadBytes += bytes.length;
        if (big) this.stats.bigUploads++;
        this.accepted(res);
        return res !== null;
      }
      case "poll": {
        const ids = this.pending().slice(0, 3);
        if (!ids.length) return this.act("gallery");
        for (const id of ids) {
          const res = await s.send("GET", `/api/generations/${id}`);
          if (res?.status === 404) this.known.delete(id);
          const body = parse<{ generation: GenerationLite }>(res);
          if (body) this.known.set(id, body.generation.status);
          if (!res) return false;
        }
        return true;
      }
      case "gallery": {
        const res = await s.send("GET", "/api/generations?limit=24");
        const page = parse<{ items: GenerationLite[] }>(res);
        for (const g of page?.items ?? []) this.known.set(g.id, g.status);
        const media = pick((page?.items ?? []).flatMap((g) => g.outputs.map((o) => o.url)));
        if (media) await s.send("GET", media);
        return res !== null;
      }
      case "delete": {
        const id = pick([...this.known.keys()]);
        if (!id) return this.act("image");
        const res = await s.send("DELETE", `/api/generations/${id}`);
        if (res && res.status < 300) {
          this.known.delete(id);
          this.stats.deleted.add(id);
        }
        return res !== null;
      }
      case "usage": {
        const res = await s.send("GET", "/api/usage/summary");
        return res !== null;
      }
    }
  }

  /** After the clock: polls this user's unfinished work until it ends or the deadline passes. */
  async drain(deadline: number): Promise<void> {
    while (Date.now() < deadline && this.pending().length) {
      for (const id of this.pending()) {
        const res = await this.session.send("GET", `/api/generations/${id}`);
        if (res?.status === 404) this.known.delete(id);
        const body = parse<{ generation: GenerationLite }>(res);
        if (body) this.known.set(id, body.generation.status);
      }
      await sleep(1000);
    }
  }

  /** Then waits until none of this user's credits are on hold (deleted work settles in the background). */
  async waitForNoHolds(deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      const summary = parse<{ budget: { held: number } }>(await this.session.send("GET", "/api/usage/summary"));
      if (summary && summary.budget.held === 0) return;
      await sleep(1000);
    }
  }
}
