import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as LIST } from "@/app/api/generations/route";
import { GET, PATCH } from "@/app/api/generations/[id]/route";
import { fillTileMediaSql } from "@/lib/db/queries/generation-reads";
import { completeGeneration, createGenerationWithHold, failGeneration, markGenerationStarted } from "@/lib/db/queries/generations";
import type { NewMedia } from "@/lib/db/queries/media";
import type { PublicUser } from "@/lib/db/queries/users";
import { newId } from "@/lib/ids";
import { TILE_PROMPT_MAX, type GenerationListView, type GenerationTileView, type GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { ctx, startStudioWithTwoUsers, type StudioHarness } from "../support/studio";

/**
 * The database writes each gallery tile's JSON (lib/db/queries/generation-reads.ts tileJson);
 * the detail view is built in TypeScript (lib/generations/to-view.ts). A tile must be the
 * detail view of the same generation cut to a tile's fields, whatever the row holds: stored
 * params of the wrong type, long and odd prompts, inputs and outputs, every status.
 */
forEachDatabase("gallery tiles written by the database", (getDb) => {
  let studio: StudioHarness, alice: PublicUser, bob: PublicUser;
  beforeAll(async () => ({ studio, alice, bob } = await startStudioWithTwoUsers()));
  afterAll(() => studio.close());

  const PARAMS: unknown[] = [
    { n: 2, size: "1024x1024", quality: "high" },
    { size: "", duration: 0 },
    { size: 512, duration: "8" },
    { duration: 8, size: "1280x720" },
    { duration: 2.5 },
    { duration: -4, size: null },
    { size: ["1024x1024"], duration: { s: 8 } },
    "not an object",
    [],
    {},
  ];
  const PROMPTS = [
    "a lighthouse at dawn",
    "x".repeat(TILE_PROMPT_MAX),
    "y".repeat(TILE_PROMPT_MAX + 1),
    `${"灯塔🌅".repeat(200)}`,
    'quotes " and \\ backslash, tab\there, newline\nand </script> <b>',
    "\u0001\u001f control \u2028 separators \u2029",
  ];
  const STATUSES = ["queued", "running", "completed", "failed"] as const;

  async function seed(user: PublicUser, count: number, tag: string): Promise<void> {
    const prisma = getDb().prisma;
    for (let i = 0; i < count; i++) {
      const kind = i % 3 === 0 ? "video" : i % 3 === 1 ? "edit" : "image";
      const g = await prisma.generation.create({
        data: {
          userId: user.id,
          kind,
          mode: kind === "video" ? "async" : "sync",
          status: STATUSES[i % STATUSES.length],
          model: kind === "video" ? "veo" : "gpt-image-2",
          prompt: PROMPTS[i % PROMPTS.length] as string,
          params: PARAMS[i % PARAMS.length] as object,
          progress: (i * 17) % 100,
          favorite: i % 2 === 0,
          estimatedMilli: 1000,
          createdAt: new Date(Date.UTC(2026, 10, 1, 12, 0, i, (i * 37) % 1000)),
        },
      });
      const media = [
        ...(kind === "edit" ? [{ role: "input" as const, kind: "image" as const, position: 0 }, { role: "input" as const, kind: "image" as const, position: 1 }] : []),
        ...(i % 5 === 3 ? [] : [{ role: "output" as const, kind: kind === "video" ? ("video" as const) : ("image" as const), position: 1 }, { role: "output" as const, kind: kind === "video" ? ("video" as const) : ("image" as const), position: 0 }]),
      ];
      for (const [n, m] of media.entries()) {
        await prisma.media.create({
          data: {
            userId: user.id,
            generationId: g.id,
            role: m.role,
            kind: m.kind,
            mimeType: m.kind === "video" ? "video/mp4" : "image/png",
            width: 1024 + n,
            height: 768,
            bytes: 1000 + i * 10 + n,
            durationMs: m.kind === "video" ? 8000 : null,
            storageKey: `${tag}/${g.id}/${n}`,
            sha256: "0".repeat(64),
            position: m.position,
          },
        });
      }
    }
  }

  async function page(user: PublicUser, query: string): Promise<GenerationListView> {
    const res = await LIST(await studio.request(user, `/api/generations?${query}`), ctx());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    return (await res.json()) as GenerationListView;
  }

  async function detail(user: PublicUser, id: string): Promise<GenerationView> {
    const res = await GET(await studio.request(user, `/api/generations/${id}`), ctx({ id }));
    expect(res.status).toBe(200);
    return ((await res.json()) as { generation: GenerationView }).generation;
  }

  /** What a tile should be: the detail view cut to a tile (the prompt by characters, not UTF-16 units). */
  function asTile(full: GenerationView): GenerationTileView {
    const chars = Array.from(full.prompt);
    const prompt = chars.length > TILE_PROMPT_MAX ? `${chars.slice(0, TILE_PROMPT_MAX - 1).join("")}…` : full.prompt;
    const params: GenerationTileView["params"] = {};
    if (full.params.size !== undefined) params.size = full.params.size;
    if (full.params.duration !== undefined) params.duration = full.params.duration;
    const { id, kind, status, progress, model, favorite, outputs, inputs, createdAt } = full;
    return { id, kind, status, progress, model, favorite, outputs, inputs, createdAt, prompt, params };
  }

  it("shows every tile exactly as the detail view of the same generation, cut to a tile", async () => {
    await seed(alice, 40, "alice");
    await seed(bob, 3, "bob");
    const { items, nextCursor } = await page(alice, "limit=60");
    expect(items).toHaveLength(40);
    expect(nextCursor).toBeNull();
    for (const tile of items) expect(tile, tile.id).toEqual(asTile(await detail(alice, tile.id)));
    // Spot checks that the comparison above is not vacuous.
    const completed = items.find((t) => t.status === "completed" && t.outputs.length === 2 && t.kind === "edit");
    expect(completed?.progress).toBe(100);
    expect(completed?.inputs).toHaveLength(2);
    expect(completed?.outputs.map((o) => o.url)).toEqual(completed?.outputs.map((o) => `/api/media/${o.id}`));
    expect(items.some((t) => t.params.size === "1280x720" && t.params.duration === 8)).toBe(true);
    expect(items.some((t) => Object.keys(t.params).length === 0)).toBe(true);
    expect(items.some((t) => t.prompt.endsWith("…") && Array.from(t.prompt).length === TILE_PROMPT_MAX)).toBe(true);
    expect(items.some((t) => t.prompt.includes("</script>"))).toBe(true);
  });

  it("pages newest first with a cursor, never repeating a tile, and shows nobody else's", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const body: GenerationListView = await page(alice, `limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...body.items.map((t) => t.id));
      cursor = body.nextCursor;
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
    const rows = await getDb().prisma.generation.findMany({ where: { userId: alice.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(rows.map((r) => r.id));

    const bobs = await page(bob, "limit=60");
    expect(bobs.items).toHaveLength(3);
    expect(bobs.items.every((t) => !seen.includes(t.id))).toBe(true);
  });

  it("fills the tile media of rows written without them (old rows, seeded ones) to the very tiles built from the media table", async () => {
    const before = await page(alice, "limit=60");
    const filled = await getDb().prisma.$executeRaw(fillTileMediaSql());
    expect(filled).toBe(43); // alice's 40 and bob's 3
    const stored = await getDb().prisma.$queryRaw<{ inputs: number; outputs: number }[]>`
      SELECT count(tile_inputs)::int AS inputs, count(tile_outputs)::int AS outputs FROM generations WHERE user_id = ${alice.id}`;
    // Every row's inputs; outputs for the ended ones only (a running one's are still to come).
    expect(stored[0]).toEqual({ inputs: 40, outputs: 20 });
    expect(await page(alice, "limit=60")).toEqual(before);
  });

  it("keeps an ended generation's tile stored with the row, the very tile built live, through every write of the row", async () => {
    const prisma = getDb().prisma;
    // The ended rows (their media now stored) carry their tile; the running and queued ones build it.
    const rows = await prisma.$queryRaw<{ id: string; status: string; tile: string | null }[]>`
      SELECT id, status::text AS status, tile_text AS tile FROM generations WHERE user_id = ${alice.id}`;
    expect(rows.filter((r) => r.tile !== null).map((r) => r.status).sort()).toEqual(rows.filter((r) => r.status === "completed" || r.status === "failed").map((r) => r.status).sort());
    expect(rows.filter((r) => r.tile !== null)).toHaveLength(20);
    // A stored tile is byte for byte what the page would build from the row and its media.
    const live = await prisma.$queryRaw<{ id: string; same: boolean }[]>`
      SELECT g.id, g.tile_text = studio_tile_text(g.id, g.kind, g.status, g.progress, g.model, g.favorite,
        COALESCE((SELECT json_agg(json_build_object('id', m.id, 'kind', m.kind, 'role', m.role, 'mimeType', m.mime_type, 'width', m.width, 'height', m.height,
          'durationMs', m.duration_ms, 'bytes', m.bytes, 'url', '/api/media/' || m.id, 'thumbUrl', '/api/media/' || m.id || '?variant=thumb',
          'downloadUrl', '/api/media/' || m.id || '?download=1') ORDER BY m.position) FROM media m WHERE m.generation_id = g.id AND m.role = 'output'), '[]'::json),
        g.tile_inputs, g.created_at, g.prompt, g.params) AS same
      FROM generations g WHERE g.user_id = ${alice.id} AND g.tile_text IS NOT NULL`;
    expect(live.map((r) => r.same)).toEqual(live.map(() => true));

    // Starring an ended generation rewrites its stored tile: the page says so at once.
    const ended = rows.find((r) => r.tile !== null && (JSON.parse(r.tile) as GenerationTileView).favorite) as { id: string };
    const res = await PATCH(await studio.request(alice, `/api/generations/${ended.id}`, { method: "PATCH", json: { favorite: false } }), ctx({ id: ended.id }));
    expect(res.status).toBe(200);
    const after = await page(alice, "limit=60");
    expect(after.items.find((t) => t.id === ended.id)?.favorite).toBe(false);
    expect(after.items.find((t) => t.id === ended.id)).toEqual(asTile(await detail(alice, ended.id)));
    const [row] = await prisma.$queryRaw<{ tile: string }[]>`SELECT tile_text AS tile FROM generations WHERE id = ${ended.id}`;
    expect((JSON.parse(row?.tile ?? "{}") as GenerationTileView).favorite).toBe(false);
    const starred = await page(alice, "favorite=1&limit=60");
    expect(starred.items.map((t) => t.id)).not.toContain(ended.id);
    await PATCH(await studio.request(alice, `/api/generations/${ended.id}`, { method: "PATCH", json: { favorite: true } }), ctx({ id: ended.id }));
    expect((await page(alice, "limit=60")).items.find((t) => t.id === ended.id)?.favorite).toBe(true);

    // The studio never writes the column: PostgreSQL refuses a write to a generated column.
    await expect(prisma.$executeRaw`UPDATE generations SET tile_text = '{}' WHERE id = ${ended.id}`).rejects.toThrow();
  });

  it("stores a tile's media with the writes that make them: a page shows what the detail view shows", async () => {
    const file = (role: NewMedia["role"], position: number, kind: NewMedia["kind"] = "image"): NewMedia => ({
      id: newId(), role, kind, mimeType: kind === "video" ? "video/mp4" : "image/webp", width: 640 + position, height: 480,
      bytes: 5000 + position, durationMs: kind === "video" ? 4000 : null, storageKey: `written/${newId()}`, thumbKey: null, sha256: "1".repeat(64), position,
    });
    const write = async (kind: "edit" | "video" | "image", inputs: NewMedia[]) => {
      const id = newId();
      const made = await createGenerationWithHold({ id, userId: bob.id, kind, mode: "async", model: "gpt-image-2", prompt: `written ${kind}`, params: { size: "1024x1024" }, estimatedMilli: 1000, inputs });
      expect("generation" in made).toBe(true);
      expect(await markGenerationStarted({ id })).toBe(true);
      return id;
    };
    const edit = await write("edit", [file("input", 1), file("input", 0)]);
    const video = await write("video", [file("input", 0)]);
    const failed = await write("image", []);
    const running = await write("image", []);
    // Outputs handed over out of order: the tile lists them by position, as the detail does.
    expect(await completeGeneration({ id: edit, userId: bob.id, outputs: [file("output", 1), file("output", 0)], costMilli: 900, source: "reported" })).toBe(true);
    expect(await completeGeneration({ id: video, userId: bob.id, outputs: [file("output", 0, "video")], costMilli: 900, source: "reported" })).toBe(true);
    expect(await failGeneration({ id: failed, errorType: "server_error", errorMessage: "no" })).toBe(true);

    const stored = await getDb().prisma.$queryRaw<{ id: string; inputs: unknown; outputs: unknown }[]>`
      SELECT id, tile_inputs AS inputs, tile_outputs AS outputs FROM generations WHERE id IN (${edit}, ${video}, ${failed}, ${running})`;
    const byId = new Map(stored.map((r) => [r.id, r]));
    expect((byId.get(edit)?.inputs as unknown[]).length).toBe(2);
    expect((byId.get(edit)?.outputs as unknown[]).length).toBe(2);
    expect(byId.get(failed)?.outputs).toEqual([]);
    expect(byId.get(running)?.outputs).toBeNull();

    const { items } = await page(bob, "limit=60");
    for (const id of [edit, video, failed, running]) {
      const tile = items.find((t) => t.id === id);
      expect(tile, id).toEqual(asTile(await detail(bob, id)));
    }
    const editTile = items.find((t) => t.id === edit);
    expect(editTile?.outputs.map((o) => o.width)).toEqual([640, 641]);
    expect(editTile?.inputs.map((o) => o.width)).toEqual([640, 641]);
    expect(items.find((t) => t.id === video)?.outputs[0]?.durationMs).toBe(4000);
  });

  it("filters still apply to the tiles the database writes", async () => {
    const videos = await page(alice, "kind=video&limit=60");
    expect(videos.items.length).toBeGreaterThan(0);
    expect(videos.items.every((t) => t.kind === "video")).toBe(true);
    const starred = await page(alice, "favorite=1&limit=60");
    expect(starred.items).toHaveLength(20);
    expect(starred.items.every((t) => t.favorite)).toBe(true);
    const found = await page(alice, `q=${encodeURIComponent("</script>")}&limit=60`);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((t) => t.prompt.includes("</script>"))).toBe(true);
  });
});
