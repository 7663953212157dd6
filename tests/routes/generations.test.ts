import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { POST, GET as LIST } from "@/app/api/generations/route";
import { GET, DELETE } from "@/app/api/generations/[id]/route";
import { GET as MEDIA } from "@/app/api/media/[id]/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import type { GenerationListView, GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { settleGeneration, pngFixture } from "../support/generations";
import { ctx, multipart, startStudioWithTwoUsers, type StudioHarness } from "../support/studio";

type Body = { generation: GenerationView };

forEachDatabase("POST/GET /api/generations", (getDb) => {
  let studio: StudioHarness, alice: PublicUser, bob: PublicUser;
  beforeAll(async () => ({ studio, alice, bob } = await startStudioWithTwoUsers()));
  afterAll(() => studio.close());
  beforeEach(() => studio.emulator.control.clearFaults());

  async function create(json: unknown, user = alice, headers: Record<string, string> = {}) {
    return POST(await studio.request(user, "/api/generations", { method: "POST", json, headers }), ctx());
  }

  async function view(id: string, user = alice) {
    const res = await GET(await studio.request(user, `/api/generations/${id}`), ctx({ id }));
    return { status: res.status, body: (await res.json()) as Body & { error?: { type: string } } };
  }

  it("creates a generation at once, then stores the result as the user's own media", async () => {
    const res = await create({ kind: "image", model: "gemini-2.5-flash-image", prompt: "a lighthouse at dawn", n: 2, size: "1024x1024" });
    expect(res.status).toBe(202);
    const { generation } = (await res.json()) as Body;
    expect(generation.status).toBe("queued");
    expect(generation.mode).toBe("sync");

    const row = await settleGeneration(generation.id);
    expect(row.status).toBe("completed");
    const { body } = await view(generation.id);
    expect(body.generation.outputs).toHaveLength(2);
    expect(body.generation.credits.cost).toBe(body.generation.credits.estimated);
    const out = body.generation.outputs[0]!;
    expect(out.url).toBe(`/api/media/${out.id}`);
    expect(JSON.stringify(body)).not.toContain(studio.emulator.url);

    const media = await MEDIA(await studio.request(alice, out.url), ctx({ id: out.id }));
    expect(media.status).toBe(200);
    expect(media.headers.get("content-type")).toBe("image/png");
    expect(media.headers.get("x-content-type-options")).toBe("nosniff");
    expect(media.headers.get("cache-control")).toContain("private");
    const bytes = new Uint8Array(await media.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");

    const thumb = await MEDIA(await studio.request(alice, `${out.url}?variant=thumb`), ctx({ id: out.id }));
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    const download = await MEDIA(await studio.request(alice, `${out.url}?download=1`), ctx({ id: out.id }));
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="pixapi-.+\.png"$/);

    const ledger = await getDb().prisma.usageEntry.findUniqueOrThrow({ where: { generationId: generation.id } });
    expect(ledger).toMatchObject({ status: "settled", source: "estimate", amountMilli: row.estimatedMilli });
  });

  it("uses the async endpoint for large images and records the cost Pixapi reports", async () => {
    const res = await create({ kind: "image", model: "gpt-image-2", prompt: "a 2K skyline", size: "2048x2048" });
    const { generation } = (await res.json()) as Body;
    expect(generation.mode).toBe("async");
    const row = await settleGeneration(generation.id);
    expect(row.status).toBe("completed");
    expect(row.upstreamTaskId).toMatch(/^task_/);
    const ledger = await getDb().prisma.usageEntry.findUniqueOrThrow({ where: { generationId: generation.id } });
    expect(ledger.source).toBe("reported");
    expect(ledger.status).toBe("settled");
  });

  it("edits uploaded photos through the async edits endpoint", async () => {
    const png = await pngFixture();
    const mp = await multipart({ kind: "edit", model: "nano-banana-pro", prompt: "add falling snow", n: "1", size: "1024x1024" }, [
      { name: "image", filename: "photo.png", type: "image/png", bytes: png },
      { name: "image", filename: "second.png", type: "image/png", bytes: await pngFixture({ color: "#cc3333" }) },
    ]);
    const res = await POST(await studio.request(alice, "/api/generations", { method: "POST", body: mp.body, headers: mp.headers }), ctx());
    expect(res.status).toBe(202);
    const { generation } = (await res.json()) as Body;
    expect(generation.kind).toBe("edit");
    expect(generation.mode).toBe("async");
    expect(generation.inputs).toHaveLength(2);
    const row = await settleGeneration(generation.id);
    expect(row.status).toBe("completed");
    expect(row.media.filter((m) => m.role === "output")).toHaveLength(1);
  });

  it("refuses bad input with a 4xx envelope and writes nothing", async () => {
    const before = await getDb().prisma.generation.count();
    const filesBefore = await studio.mediaFiles();
    const cases: [unknown, string][] = [
      [{ kind: "image", model: "gpt-image-2", prompt: "   " }, "prompt"],
      [{ kind: "image", model: "gpt-image-2", prompt: "x", n: 5 }, "n"],
      [{ kind: "image", model: "gpt-image-2", prompt: "x", size: "99x99" }, "size"],
      [{ kind: "image", model: "gpt-image-2", prompt: "x", quality: "ultra" }, "quality"],
      [{ kind: "image", model: "no-such-model", prompt: "x" }, "model"],
      [{ kind: "image", model: "veo", prompt: "x" }, "model"],
      [{ kind: "video", model: "gpt-image-2", prompt: "x" }, "model"],
      [{ kind: "video", model: "veo", prompt: "x", duration: 999 }, "duration"],
      [{ kind: "sculpture", model: "veo", prompt: "x" }, "kind"],
    ];
    for (const [json, field] of cases) {
      const res = await create(json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      const body = (await res.json()) as { error: { type: string; message: string; fields?: Record<string, string> } };
      expect(body.error.type).toBe("invalid_request_error");
      expect(body.error.fields?.[field], JSON.stringify(body)).toBeTruthy();
    }
    const malformed = await POST(
      await studio.request(alice, "/api/generations", { method: "POST", body: "{nope", headers: { "content-type": "application/json" } }),
      ctx(),
    );
    expect(malformed.status).toBe(400);

    const notImage = await multipart({ kind: "edit", model: "nano-banana", prompt: "x" }, [
      { name: "image", filename: "photo.png", type: "image/png", bytes: new TextEncoder().encode("just text, named .png") },
    ]);
    const rejected = await POST(await studio.request(alice, "/api/generations", { method: "POST", body: notImage.body, headers: notImage.headers }), ctx());
    expect(rejected.status).toBe(415);
    const noImage = await multipart({ kind: "edit", model: "nano-banana", prompt: "x" }, []);
    expect((await POST(await studio.request(alice, "/api/generations", { method: "POST", body: noImage.body, headers: noImage.headers }), ctx())).status).toBe(400);

    expect(await getDb().prisma.generation.count()).toBe(before);
    expect(await studio.mediaFiles()).toEqual(filesBefore);
  });

  it("answers 401 in the envelope without a session", async () => {
    const res = await create({ kind: "image", model: "gpt-image-2", prompt: "x" }, null as unknown as PublicUser);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 401, message: "Sign in to continue.", type: "authentication_error" } });
    const list = await LIST(await studio.request(null, "/api/generations"), ctx());
    expect(list.status).toBe(401);
  });

  it("keeps every user's generations and media invisible to everyone else", async () => {
    const { generation } = (await (await create({ kind: "image", model: "gpt-image-2", prompt: "alice's secret garden" })).json()) as Body;
    const done = await settleGeneration(generation.id);
    const mediaId = done.media[0]!.id;

    expect((await view(generation.id, bob)).status).toBe(404);
    const media = await MEDIA(await studio.request(bob, `/api/media/${mediaId}`), ctx({ id: mediaId }));
    expect(media.status).toBe(404);
    const del = await DELETE(await studio.request(bob, `/api/generations/${generation.id}`, { method: "DELETE" }), ctx({ id: generation.id }));
    expect(del.status).toBe(404);
    const list = (await (await LIST(await studio.request(bob, "/api/generations"), ctx())).json()) as GenerationListView;
    expect(list.items.map((g) => g.id)).not.toContain(generation.id);
    expect((await view(generation.id, alice)).status).toBe(200);
  });

  it("turns one idempotency key into one generation, even for concurrent retries", async () => {
    const json = { kind: "image", model: "gpt-image-2", prompt: "double click" };
    const headers = { "idempotency-key": "click-0123456789" };
    const [a, b] = await Promise.all([create(json, alice, headers), create(json, alice, headers)]);
    const ids = [((await a.json()) as Body).generation.id, ((await b.json()) as Body).generation.id];
    expect(ids[0]).toBe(ids[1]);
    expect([a.status, b.status].sort()).toEqual([200, 202]);
    const again = await create(json, alice, headers);
    expect(again.status).toBe(200);
    expect(await getDb().prisma.generation.count({ where: { idempotencyKey: "click-0123456789" } })).toBe(1);
    await drainBackground();
    // The same key from another user is that user's own, separate generation.
    const other = await create(json, bob, headers);
    expect(other.status).toBe(202);
  });

  it("finishes and stores a generation after the browser disconnects", async () => {
    await studio.emulator.control.addFault({ match: { prompt_contains: "slow disconnect" }, action: "latency", latency_ms: 300, times: 1 });
    const abort = new AbortController();
    const req = await studio.request(alice, "/api/generations", { method: "POST", json: { kind: "image", model: "gpt-image-2", prompt: "slow disconnect" } });
    const res = await POST(new Request(req, { signal: abort.signal }), ctx());
    const { generation } = (await res.json()) as Body;
    abort.abort(); // the tab closes while Pixapi is still working
    const row = await settleGeneration(generation.id);
    expect(row.status).toBe("completed");
    expect(row.media.filter((m) => m.role === "output")).toHaveLength(1);
  });

  it("lists newest first with a cursor, filters and prompt search", async () => {
    const user = await studio.createUser();
    const ids: string[] = [];
    for (const prompt of ["cat one", "dog two", "cat three"]) {
      const res = await create({ kind: "image", model: "gpt-image-2", prompt }, user);
      ids.push(((await res.json()) as Body).generation.id);
    }
    await drainBackground();
    const page1 = (await (await LIST(await studio.request(user, "/api/generations?limit=2"), ctx())).json()) as GenerationListView;
    expect(page1.items.map((g) => g.prompt)).toEqual(["cat three", "dog two"]);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = (await (await LIST(await studio.request(user, `/api/generations?limit=2&cursor=${page1.nextCursor}`), ctx())).json()) as GenerationListView;
    expect(page2.items.map((g) => g.prompt)).toEqual(["cat one"]);
    expect(page2.nextCursor).toBeNull();
    const cats = (await (await LIST(await studio.request(user, "/api/generations?q=CAT"), ctx())).json()) as GenerationListView;
    expect(cats.items).toHaveLength(2);
    const bad = await LIST(await studio.request(user, "/api/generations?limit=999"), ctx());
    expect(bad.status).toBe(400);
  });

  it("stores the canonical model id, so the gallery's model filter finds a generation asked for by alias", async () => {
    const user = await studio.createUser();
    const res = await create({ kind: "image", model: "nano-banana", prompt: "an aliased teapot" }, user);
    expect(res.status).toBe(202);
    const { generation } = (await res.json()) as Body;
    expect(generation.model).toBe("gemini-2.5-flash-image");
    await drainBackground();
    const ledger = await getDb().prisma.usageEntry.findUniqueOrThrow({ where: { generationId: generation.id } });
    expect(ledger.model).toBe("gemini-2.5-flash-image");
    for (const model of ["gemini-2.5-flash-image", "nano-banana"]) {
      const list = (await (await LIST(await studio.request(user, `/api/generations?model=${model}`), ctx())).json()) as GenerationListView;
      expect(list.items.map((g) => g.id)).toEqual([generation.id]);
    }
    const other = (await (await LIST(await studio.request(user, "/api/generations?model=gpt-image-2"), ctx())).json()) as GenerationListView;
    expect(other.items).toEqual([]);
  });

  it("deletes a generation with its files, keeping the spend on the ledger", async () => {
    const { generation } = (await (await create({ kind: "image", model: "gpt-image-2", prompt: "to be deleted" })).json()) as Body;
    const row = await settleGeneration(generation.id);
    const keys = row.media.flatMap((m) => [m.storageKey, m.thumbKey]);
    const files = await studio.mediaFiles();
    for (const k of keys) expect(files).toContain(k);
    const del = await DELETE(await studio.request(alice, `/api/generations/${generation.id}`, { method: "DELETE" }), ctx({ id: generation.id }));
    expect(del.status).toBe(204);
    const after = await studio.mediaFiles();
    for (const k of keys) expect(after).not.toContain(k);
    expect((await view(generation.id)).status).toBe(404);
    const ledger = await getDb().prisma.usageEntry.findFirst({ where: { userId: alice.id, generationId: null, status: "settled" } });
    expect(ledger).not.toBeNull();
  });
});

