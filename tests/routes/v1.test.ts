import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { GET as LIST_GENERATIONS } from "@/app/api/generations/route";
import { GET as GET_GENERATION } from "@/app/api/generations/[id]/route";
import { POST as GENERATE } from "@/app/v1/images/generations/route";
import { POST as EDIT } from "@/app/v1/images/edits/route";
import { POST as ASYNC_GENERATE } from "@/app/v1/async/images/generations/route";
import { POST as ASYNC_EDIT } from "@/app/v1/async/images/edits/route";
import { POST as ASYNC_VIDEO } from "@/app/v1/async/videos/generations/route";
import { GET as TASK } from "@/app/v1/tasks/[id]/route";
import { GET as MODELS } from "@/app/v1/models/route";
import { GET as FILE } from "@/app/v1/files/[id]/route";
import { GET as UNKNOWN } from "@/app/v1/[...path]/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import type { GenerationListView, GenerationView } from "@/lib/generations/view";
import { imagesResponseSchema, asyncSubmitResponseSchema, taskResponseSchema, modelsResponseSchema } from "@/lib/pixapi/schemas";
import { forEachDatabase } from "../support/db";
import { pngFixture } from "../support/generations";
import { createApiToken, startTrackerPump, v1Request } from "../support/api-tokens";
import { ctx, multipart, startStudioHarness, type StudioHarness } from "../support/studio";
import { startStudioServer, type StudioServer } from "../support/studio-server";

type Envelope = { error: { code: number; type: string; message: string } };

const SMALL = { model: "gemini-2.5-flash-image", prompt: "a ceramic cup", size: "1024x1024", quality: "low" } as const;

forEachDatabase("the Pixapi-compatible /v1 API", (getDb) => {
  let studio: StudioHarness;
  let alice: PublicUser;
  let bob: PublicUser;
  let aliceToken: string;
  let bobToken: string;
  let stopTracker: () => Promise<void>;
  // On the network so the emulator can fetch signed input images (image-to-video).
  let server: StudioServer;

  beforeAll(async () => {
    studio = await startStudioHarness();
    alice = await studio.createUser();
    bob = await studio.createUser();
    aliceToken = (await createApiToken(studio, alice, { name: "alice's script" })).token;
    bobToken = (await createApiToken(studio, bob, { name: "bob's script" })).token;
    stopTracker = startTrackerPump();
    server = await startStudioServer();
  });
  afterAll(async () => {
    await stopTracker();
    await server.close();
    await drainBackground();
    await studio.close();
  });
  beforeEach(() => studio.emulator.control.clearFaults());

  const post = (handler: typeof GENERATE, token: string, path: string, json: unknown) => handler(v1Request(token, path, { method: "POST", json }), ctx());

  async function task(token: string, id: string) {
    const res = await TASK(v1Request(token, `/v1/tasks/${id}`), ctx({ id }));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async function pollTask(token: string, id: string) {
    for (let i = 0; i < 400; i++) {
      const { body } = await task(token, id);
      if (body.status === "completed" || body.status === "failed") return taskResponseSchema.parse(body);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`task ${id} did not finish`);
  }

  async function openFile(url: string) {
    const u = new URL(url);
    const id = u.pathname.split("/").pop()!;
    return FILE(new Request(url), ctx({ id }));
  }

  it("POST /v1/images/generations answers with signed studio URLs, and the images land in the gallery and ledger", async () => {
    const res = await post(GENERATE, aliceToken, "/v1/images/generations", { ...SMALL, n: 2, prompt: "gallery via api" });
    expect(res.status).toBe(200);
    const body = imagesResponseSchema.parse(await res.json());
    expect(body.data).toHaveLength(2);
    for (const item of body.data) {
      expect(item.url!.startsWith(`${server.url}/v1/files/`)).toBe(true);
      expect(item.url).toMatch(/\/v1\/files\/[a-f0-9]{32}\?expires=\d+&sig=[\w-]+$/);
      expect(item.url).not.toContain(studio.emulator.url);
      const file = await openFile(item.url!);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("image/png");
    }
    const expires = Number(new URL(body.data[0]!.url!).searchParams.get("expires"));
    expect(expires - Date.now() / 1000).toBeGreaterThan(3500);
    expect(expires - Date.now() / 1000).toBeLessThanOrEqual(3600);

    const gallery = await LIST_GENERATIONS(await studio.request(alice, "/api/generations"), ctx());
    const { items } = (await gallery.json()) as GenerationListView;
    const made = items.find((g) => g.prompt === "gallery via api");
    expect(made).toMatchObject({ status: "completed", kind: "image" });
    // The tile carries no token name; the detail view (the full read) says how it was made.
    const detail = await GET_GENERATION(await studio.request(alice, `/api/generations/${made!.id}`), ctx({ id: made!.id }));
    expect(((await detail.json()) as { generation: GenerationView }).generation).toMatchObject({ id: made!.id, apiTokenName: "alice's script" });
    expect(made!.outputs.map((o) => o.id).sort()).toEqual(body.data.map((d) => new URL(d.url!).pathname.split("/").pop()).sort());

    const ledger = await getDb().prisma.usageEntry.findUniqueOrThrow({ where: { generationId: made!.id } });
    expect(ledger).toMatchObject({ userId: alice.id, status: "settled", amountMilli: 1000 });
  });

  it("response_format b64_json returns the stored PNG bytes", async () => {
    const res = await post(GENERATE, aliceToken, "/v1/images/generations", { ...SMALL, response_format: "b64_json" });
    const body = imagesResponseSchema.parse(await res.json());
    expect(body.data[0]?.url).toBeUndefined();
    expect([...Buffer.from(body.data[0]!.b64_json!, "base64").subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
  });

  it("a tampered, expired or input-image file link is a 404", async () => {
    const res = await post(GENERATE, aliceToken, "/v1/images/generations", SMALL);
    const url = new URL(imagesResponseSchema.parse(await res.json()).data[0]!.url!);
    const tampered = new URL(url);
    const sig = url.searchParams.get("sig")!;
    // A different first character (a fixed "A" left one signature in 64 untouched).
    tampered.searchParams.set("sig", (sig.startsWith("A") ? "B" : "A") + sig.slice(1));
    expect(tampered.searchParams.get("sig")).not.toBe(sig);
    expect((await openFile(tampered.toString())).status).toBe(404);
    const late = new URL(url);
    late.searchParams.set("expires", String(Math.floor(Date.now() / 1000) - 1));
    expect((await openFile(late.toString())).status).toBe(404);
    const body = (await (await openFile(tampered.toString())).json()) as Envelope;
    expect(body.error).toMatchObject({ code: 404, type: "not_found_error" });
  });

  it("POST /v1/images/edits takes several images (multipart) and answers synchronously", async () => {
    const a = await pngFixture({ color: "#cc3311" });
    const b = await pngFixture({ color: "#1133cc" });
    const form = await multipart({ model: "gpt-image-2", prompt: "two into one", size: "1024x1024", quality: "low" }, [
      { name: "image[]", filename: "a.png", type: "image/png", bytes: a },
      { name: "image[]", filename: "b.png", type: "image/png", bytes: b },
    ]);
    const res = await EDIT(v1Request(aliceToken, "/v1/images/edits", { method: "POST", body: form.body, headers: form.headers }), ctx());
    expect(res.status).toBe(200);
    const body = imagesResponseSchema.parse(await res.json());
    expect(body.data).toHaveLength(1);
    const gen = await getDb().prisma.generation.findFirstOrThrow({ where: { userId: alice.id, prompt: "two into one" }, include: { media: true } });
    expect(gen.media.filter((m) => m.role === "input")).toHaveLength(2);
    expect(gen.apiTokenName).toBe("alice's script");
  });

  it("async image generation: submitted at once, then the task maps status, progress, credits and result", async () => {
    const res = await post(ASYNC_GENERATE, aliceToken, "/v1/async/images/generations", { ...SMALL, model: "nano-banana", prompt: "async via api" });
    expect(res.status).toBe(200);
    const submitted = asyncSubmitResponseSchema.parse(await res.json());
    expect(submitted).toMatchObject({ status: "submitted", progress: 0, model: "nano-banana" });
    expect(submitted.id).toMatch(/^task_[a-f0-9]{32}$/);
    expect(Math.abs(submitted.created_at - Date.now() / 1000)).toBeLessThan(60);

    const done = await pollTask(aliceToken, submitted.id);
    expect(done).toMatchObject({ id: submitted.id, status: "completed", progress: 100, credits_cost: 0.5, model: "nano-banana", result: { type: "image" } });
    expect(done.result?.data).toHaveLength(1);
    expect(done.completed).toBeGreaterThanOrEqual(done.created);
    expect((await openFile(done.result!.data![0]!.url!)).status).toBe(200);
  });

  it("async edit (multipart) completes as a task", async () => {
    const form = await multipart({ model: "gpt-image-2", prompt: "night edit", quality: "low" }, [{ name: "image", filename: "a.png", type: "image/png", bytes: await pngFixture() }]);
    const res = await ASYNC_EDIT(v1Request(aliceToken, "/v1/async/images/edits", { method: "POST", body: form.body, headers: form.headers }), ctx());
    const submitted = asyncSubmitResponseSchema.parse(await res.json());
    const done = await pollTask(aliceToken, submitted.id);
    expect(done).toMatchObject({ status: "completed", result: { type: "image" } });
  });

  it("a failed task reports Pixapi's failure shape and charges nothing", async () => {
    await studio.emulator.control.addFault({ match: { prompt_contains: "doomed-v1" }, action: "task_fail", message: "provider refused" });
    const res = await post(ASYNC_GENERATE, aliceToken, "/v1/async/images/generations", { ...SMALL, prompt: "doomed-v1" });
    const { id } = asyncSubmitResponseSchema.parse(await res.json());
    const done = await pollTask(aliceToken, id);
    expect(done).toMatchObject({ status: "failed", credits_cost: 0, error: { code: 500, type: "server_error" } });
    expect(done.result ?? undefined).toBeUndefined();
    expect(JSON.stringify(done.error)).toMatch(/provider refused/);
    const entry = await getDb().prisma.usageEntry.findFirstOrThrow({ where: { generation: { prompt: "doomed-v1" } } });
    expect(entry.status).toBe("released");
  });

  it("a sync call whose generation fails upstream answers with Pixapi's error envelope", async () => {
    await studio.emulator.control.addFault({ match: { prompt_contains: "sync-503" }, action: "503" });
    const res = await post(GENERATE, aliceToken, "/v1/images/generations", { ...SMALL, prompt: "sync-503" });
    expect(res.status).toBe(502);
    const body = (await res.json()) as Envelope;
    expect(body.error).toMatchObject({ code: 502, type: "server_error" });
    expect(JSON.stringify(body)).not.toContain(studio.apiKey);
  });

  it("video: async only, from a data: URL or a studio link; other URLs are refused", async () => {
    const png = Buffer.from(await pngFixture({ width: 320, height: 192 })).toString("base64");
    const res = await post(ASYNC_VIDEO, aliceToken, "/v1/async/videos/generations", { model: "veo", prompt: "slow zoom", duration: 2, size: "16:9", input_image: `data:image/png;base64,${png}` });
    expect(res.status).toBe(200);
    const { id, model } = asyncSubmitResponseSchema.parse(await res.json());
    expect(model).toBe("veo");
    const done = await pollTask(aliceToken, id);
    expect(done).toMatchObject({ status: "completed", result: { type: "video" } });
    const video = await openFile(done.result!.data![0]!.url!);
    expect(video.headers.get("content-type")).toBe("video/mp4");

    for (const input_image of ["http://169.254.169.254/latest/meta-data", "file:///etc/passwd", "data:text/html;base64,PGgxPg=="]) {
      const bad = await post(ASYNC_VIDEO, aliceToken, "/v1/async/videos/generations", { model: "veo", prompt: "x", duration: 2, input_image });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as Envelope).error.message).toMatch(/input_image/);
    }
  });

  it("video from a studio link: only the caller's own outputs", async () => {
    const gen = await post(GENERATE, aliceToken, "/v1/images/generations", { ...SMALL, size: "1536x1024", prompt: "start frame" });
    const url = imagesResponseSchema.parse(await gen.json()).data[0]!.url!;
    const bobs = await post(ASYNC_VIDEO, bobToken, "/v1/async/videos/generations", { model: "wan", prompt: "steal", duration: 2, input_image: url });
    expect(bobs.status).toBe(400);
    const mine = await post(ASYNC_VIDEO, aliceToken, "/v1/async/videos/generations", { model: "wan", prompt: "animate", duration: 2, input_image: url });
    expect(mine.status).toBe(200);
  });

  it("another user's task id, a malformed id and an unknown id are all 404", async () => {
    const res = await post(ASYNC_GENERATE, aliceToken, "/v1/async/images/generations", SMALL);
    const { id } = asyncSubmitResponseSchema.parse(await res.json());
    for (const [token, taskId] of [[bobToken, id], [aliceToken, "task_" + "0".repeat(32)], [aliceToken, "../../api/usage"], [aliceToken, "task_x"]] as const) {
      const r = await task(token, taskId);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ error: { code: 404, type: "not_found_error", message: expect.stringMatching(/not found/i) } });
    }
    expect((await task(aliceToken, id)).status).toBe(200);
  });

  it("GET /v1/models lists canonical models in Pixapi's shape", async () => {
    const res = await MODELS(v1Request(aliceToken, "/v1/models"), ctx());
    const body = modelsResponseSchema.parse(await res.json());
    expect(body.object).toBe("list");
    expect(body.data.find((m) => m.id === "gemini-3-pro-image-preview")).toEqual({
      id: "gemini-3-pro-image-preview",
      object: "model",
      category: "image",
      capabilities: expect.arrayContaining(["text-to-image", "image-to-image"]),
    });
    expect(body.data.map((m) => m.id)).toContain("veo");
  });

  it.each([
    [{ prompt: "no model" }, /model/i],
    [{ model: "dall-e-9", prompt: "x" }, /Unknown model/],
    [{ model: "veo", prompt: "x" }, /does not support image generation/],
    [{ ...SMALL, n: 9 }, /at most 4/],
    [{ ...SMALL, size: "100x100" }, /between 256 and 4096/],
    [{ ...SMALL, response_format: "gif" }, /response_format/],
    [{ ...SMALL, stream: true }, /Streaming/],
    [{ ...SMALL, async: true }, /async/],
    [{ ...SMALL, prompt: "" }, /Describe/],
  ])("bad input %j is a 400 invalid_request_error", async (json, message) => {
    const res = await post(GENERATE, aliceToken, "/v1/images/generations", json);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Envelope;
    expect(body.error).toMatchObject({ code: 400, type: "invalid_request_error" });
    expect(body.error.message).toMatch(message);
    expect(Object.keys(body.error).sort()).toEqual(["code", "message", "type"]);
  });

  it("malformed bodies and an unknown route answer Pixapi's envelope, never HTML", async () => {
    const notJson = await GENERATE(v1Request(aliceToken, "/v1/images/generations", { method: "POST", body: "{", headers: { "content-type": "application/json" } }), ctx());
    expect(notJson.status).toBe(400);
    const text = await GENERATE(v1Request(aliceToken, "/v1/images/generations", { method: "POST", body: "x", headers: { "content-type": "text/plain" } }), ctx());
    expect(text.status).toBe(400);
    expect(((await text.json()) as Envelope).error.type).toBe("invalid_request_error");
    const editJson = await post(EDIT, aliceToken, "/v1/images/edits", SMALL);
    expect(editJson.status).toBe(400);
    const query = await GENERATE(v1Request(aliceToken, "/v1/images/generations?async=true", { method: "POST", json: SMALL }), ctx());
    expect(query.status).toBe(400);
    const unknown = await UNKNOWN(v1Request(aliceToken, "/v1/chat/completions"), { params: Promise.resolve({ path: ["chat", "completions"] }) });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/json");
    expect(((await unknown.json()) as Envelope).error.type).toBe("not_found_error");
  });
});
