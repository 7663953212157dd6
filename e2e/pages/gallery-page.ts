import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { EMULATOR_URL } from "../support/emulator";
import { toast } from "../support/toasts";

/** What a person does on /gallery, in their words. */
export class GalleryPage {
  readonly grid: Locator;
  readonly tiles: Locator;
  readonly search: Locator;
  readonly model: Locator;
  readonly status: Locator;
  readonly detail: Locator;
  readonly confirm: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole("list", { name: "Generations" });
    this.tiles = this.grid.getByRole("listitem");
    this.search = page.getByRole("searchbox", { name: "Search prompts" });
    this.model = page.getByLabel("Model", { exact: true });
    this.status = page.getByLabel("Status", { exact: true });
    this.detail = page.getByRole("dialog");
    this.confirm = page.getByRole("alertdialog");
  }

  async goto(query = "") {
    await this.page.goto(`/gallery${query}`);
    await expect(this.page.getByRole("heading", { name: "Gallery", exact: true })).toBeVisible();
  }

  /** The tile of the generation whose prompt contains `text`. */
  tile(text: string): Locator {
    return this.tiles.filter({ has: this.page.getByRole("button", { name: text }) });
  }

  tileButton(text: string): Locator {
    return this.grid.getByRole("button", { name: text });
  }

  async open(text: string) {
    await this.tileButton(text).click();
    await expect(this.detail).toBeVisible();
  }

  async chooseType(label: "All" | "Images" | "Edits" | "Videos") {
    await this.page.getByRole("group", { name: "Type" }).getByText(label, { exact: true }).click();
    await expect(this.typeRadio(label)).toBeChecked();
  }

  typeRadio(label: string): Locator {
    return this.page.getByRole("group", { name: "Type" }).getByRole("radio", { name: label, exact: true });
  }

  /**
   * Deletes the open item through the confirmation dialog, and waits out the undo window
   * until the toast says the delete went through.
   */
  async deleteOpen() {
    await this.confirmDelete();
    await expect(this.toast(/^Deleted “/)).toBeVisible({ timeout: 20_000 });
  }

  /** Confirms the delete of the open item; it then waits out its undo window. */
  async confirmDelete() {
    await this.detail.getByRole("button", { name: "Delete" }).click();
    await expect(this.confirm).toBeVisible();
    await this.confirm.getByRole("button", { name: "Delete" }).click();
    await expect(this.confirm).toBeHidden();
    await expect(this.detail).toBeHidden();
  }

  toast(text: string | RegExp): Locator {
    return toast(this.page, text);
  }
}

/** A generation as the API returns it; only the fields the tests read. */
export interface ApiGeneration {
  id: string;
  status: "queued" | "running" | "completed" | "failed";
  prompt: string;
  outputs: { id: string; url: string; thumbUrl: string }[];
}

/**
 * The studio API with the signed-in browser's cookies, for setting up a gallery quickly
 * (the forms themselves are covered by their own specs).
 */
export class StudioApi {
  constructor(private readonly request: APIRequestContext) {}

  async create(body: Record<string, unknown>): Promise<ApiGeneration> {
    const res = await this.request.post("/api/generations", { data: body, headers: { "idempotency-key": randomUUID() } });
    expect(res.status(), await res.text()).toBe(202);
    return ((await res.json()) as { generation: ApiGeneration }).generation;
  }

  image(prompt: string, extra: Record<string, unknown> = {}) {
    return this.create({ kind: "image", model: "gemini-2.5-flash-image", prompt, n: 1, size: "1024x1024", quality: "low", ...extra });
  }

  video(prompt: string, extra: Record<string, unknown> = {}) {
    return this.create({ kind: "video", model: "wan", prompt, duration: 2, size: "16:9", ...extra });
  }

  async get(id: string): Promise<ApiGeneration | null> {
    const res = await this.request.get(`/api/generations/${id}`);
    if (res.status() === 404) return null;
    expect(res.ok()).toBe(true);
    return ((await res.json()) as { generation: ApiGeneration }).generation;
  }

  async waitFor(id: string, status: "completed" | "failed" = "completed"): Promise<ApiGeneration> {
    await expect.poll(async () => (await this.get(id))?.status, { timeout: 90_000, intervals: [250, 500, 1000] }).toBe(status);
    return (await this.get(id)) as ApiGeneration;
  }
}

/** The emulator's control API, for rules whose effect the test reads back (a rule's `hits`). */
export const emulator = {
  async addRule(rule: { match: { route?: string; prompt_contains: string }; action: string; latency_ms?: number; times?: number; retry_after?: number }): Promise<string> {
    const res = await fetch(`${EMULATOR_URL}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(rule) });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  },

  /** How many requests a rule has matched so far. */
  async hits(ruleId: string): Promise<number> {
    const res = await fetch(`${EMULATOR_URL}/_emulator/faults`);
    const { data } = (await res.json()) as { data: { id: string; hits: number }[] };
    const rule = data.find((r) => r.id === ruleId);
    if (!rule) throw new Error(`no fault rule ${ruleId}`);
    return rule.hits;
  },

  async removeRule(ruleId: string): Promise<void> {
    await fetch(`${EMULATOR_URL}/_emulator/faults/${ruleId}`, { method: "DELETE" });
  },
};
