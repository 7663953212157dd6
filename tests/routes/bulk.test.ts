import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as CREATE_GEN, GET as LIST_GENS } from "@/app/api/generations/route";
import { GET as MEDIA } from "@/app/api/media/[id]/route";
import { POST as DOWNLOAD } from "@/app/api/downloads/route";
import { POST as BULK_FAVORITE } from "@/app/api/bulk/favorite/route";
import { POST as BULK_DELETE } from "@/app/api/bulk/delete/route";
import { GET as MATCHING } from "@/app/api/bulk/ids/route";
import { POST as CREATE_COLLECTION } from "@/app/api/collections/route";
import { createGenerationWithHold } from "@/lib/db/queries/generations";
import type { PublicUser } from "@/lib/db/queries/users";
import { newId } from "@/lib/ids";
import type { GenerationListView, GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { settleGeneration } from "../support/generations";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";
import { readZip } from "../support/zip";

type ErrorBody = { error: { type: string; code: number; message: string } };
type Manifest = { count: number; items: { id: string; prompt: string; model: string; kind: string; params: Record<string, unknown>; files: string[] }[] };

/**
 * The gallery's bulk actions: a zip of the chosen outputs (streamed), favorites, deletes,
 * and "select all matching". All owner-only and all or nothing: one id that is not the
 * caller's refuses the whole request (404) and changes nothing.
 */
forEachDatabase("bulk actions", (getDb) => {
  let studio: StudioHarness;
  let alice: PublicUser;
  let bob: PublicUser;
  let bobGen = "";

  async function generate(user: PublicUser, prompt: string, extra: Record<string, unknown> = {}): Promise<GenerationView> {
    const res = await CREATE_GEN(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gemini-2.5-flash-image", prompt, size: "1024x1024", ...extra } }), ctx());
    expect(res.status).toBe(202);
    const { generation } = (await res.json()) as { generation: GenerationView };
    await settleGeneration(generation.id);
    const list = (await (await LIST_GENS(await studio.request(user, `/api/generations?ids=${generation.id}`), ctx())).json()) as GenerationListView;
    return list.items[0] as GenerationView;
  }

  async function post(handler: typeof DOWNLOAD, user: PublicUser | null, path: string, json: unknown) {
    return handler(await studio.request(user, path, { method: "POST", json }), ctx());
  }

  async function visibleIds(user: PublicUser, query = ""): Promise<string[]> {
    const res = await LIST_GENS(await studio.request(user, `/api/generations?limit=60${query}`), ctx());
    return ((await res.json()) as GenerationListView).items.map((g) => g.id);
  }

  async function mediaBytes(user: PublicUser, id: string): Promise<Buffer> {
    const res = await MEDIA(await studio.request(user, `/api/media/${id}`), ctx({ id }));
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  beforeAll(async () => {
    studio = await startStudioHarness();
    alice = await studio.createUser();
    bob = await studio.createUser();
    bobGen = (await generate(bob, "bob's private lighthouse")).id;
  });
  afterAll(() => studio.close());

  it("zips the chosen outputs with readable names and a manifest, byte for byte what is stored", async () => {
    const one = await generate(alice, "A lighthouse at dawn, watercolor");
    const two = await generate(alice, "../../etc/passwd 一只猫 on a roof", { n: 2 });
    const res = await post(DOWNLOAD, alice, "/api/downloads", { ids: [one.id, two.id, one.id] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="pixapi-\d{4}-\d{2}-\d{2}-2-items\.zip"$/);
    const entries = readZip(new Uint8Array(await res.arrayBuffer()));

    const day = one.createdAt.slice(0, 10);
    const expected = new Map<string, string>([
      [`${day}_a-lighthouse-at-dawn-watercolor_${one.id}.png`, one.outputs[0]?.id ?? ""],
      [`${two.createdAt.slice(0, 10)}_etc-passwd-一只猫-on-a-roof_${two.id}-1.png`, two.outputs[0]?.id ?? ""],
      [`${two.createdAt.slice(0, 10)}_etc-passwd-一只猫-on-a-roof_${two.id}-2.png`, two.outputs[1]?.id ?? ""],
    ]);
    expect([...entries.keys()].sort()).toEqual([...expected.keys(), "manifest.json"].sort());
    for (const [name, mediaId] of expected) {
      const stored = await mediaBytes(alice, mediaId);
      expect(entries.get(name)?.equals(stored), name).toBe(true);
    }

    const manifest = JSON.parse(entries.get("manifest.json")?.toString("utf8") ?? "{}") as Manifest;
    expect(manifest.count).toBe(2);
    const byId = new Map(manifest.items.map((i) => [i.id, i]));
    expect(byId.get(one.id)).toMatchObject({ prompt: one.prompt, model: one.model, kind: "image", params: { size: "1024x1024" }, files: [[...expected.keys()][0]] });
    expect(byId.get(two.id)?.files).toHaveLength(2);
    expect(byId.get(two.id)?.params).toMatchObject({ n: 2 });
  });

  it("refuses the whole zip when one id is another user's or unknown, before any byte", async () => {
    const mine = await generate(alice, "mine to download");
    for (const ids of [[mine.id, bobGen], [mine.id, "0".repeat(25)]]) {
      const res = await post(DOWNLOAD, alice, "/api/downloads", { ids });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(((await res.json()) as ErrorBody).error.type).toBe("not_found_error");
    }
    // Bob cannot fetch Alice's item through the zip either.
    expect((await post(DOWNLOAD, bob, "/api/downloads", { ids: [mine.id] })).status).toBe(404);
    expect((await post(DOWNLOAD, null, "/api/downloads", { ids: [mine.id] })).status).toBe(401);
  });

  it("refuses bad input with a 4xx envelope: over 500 ids, empty, malformed ids, wrong types", async () => {
    const ids501 = Array.from({ length: 501 }, (_, i) => `g${i}`);
    for (const [handler, path, extra] of [
      [DOWNLOAD, "/api/downloads", {}],
      [BULK_DELETE, "/api/bulk/delete", {}],
      [BULK_FAVORITE, "/api/bulk/favorite", { favorite: true }],
    ] as const) {
      for (const body of [{ ids: ids501 }, { ids: [] }, { ids: ["../x"] }, { ids: "abc" }, { ids: ["a"], other: 1 }]) {
        const res = await post(handler, alice, path, { ...body, ...extra });
        expect(res.status, `${path} ${JSON.stringify(body).slice(0, 40)}`).toBe(400);
        expect(((await res.json()) as ErrorBody).error.type).toBe("invalid_request_error");
      }
    }
    expect((await post(BULK_FAVORITE, alice, "/api/bulk/favorite", { ids: [bobGen], favorite: "yes" })).status).toBe(400);
  });

  it("stars and unstars several at once, all or nothing", async () => {
    const a = await generate(alice, "star me one");
    const b = await generate(alice, "star me two");
    const refused = await post(BULK_FAVORITE, alice, "/api/bulk/favorite", { ids: [a.id, b.id, bobGen], favorite: true });
    expect(refused.status).toBe(404);
    expect(await visibleIds(alice, "&favorite=1")).not.toContain(a.id);
    expect((await getDb().prisma.generation.findUnique({ where: { id: bobGen } }))?.favorite).toBe(false);

    const res = await post(BULK_FAVORITE, alice, "/api/bulk/favorite", { ids: [a.id, b.id], favorite: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ updated: 2 });
    expect(await visibleIds(alice, "&favorite=1")).toEqual(expect.arrayContaining([a.id, b.id]));
    await post(BULK_FAVORITE, alice, "/api/bulk/favorite", { ids: [a.id], favorite: false });
    const starred = await visibleIds(alice, "&favorite=1");
    expect(starred).toContain(b.id);
    expect(starred).not.toContain(a.id);
  });

  it("deletes several at once with their files, all or nothing; a queued one is released, a running one deferred", async () => {
    const a = await generate(alice, "delete me one");
    const b = await generate(alice, "delete me two");
    const queued = newId();
    const running = newId();
    for (const id of [queued, running]) {
      await createGenerationWithHold({ id, userId: alice.id, kind: "image", mode: "sync", model: "gpt-image-2", prompt: "pending at delete", params: { n: 1, size: "1024x1024" }, estimatedMilli: 2000 });
    }
    await getDb().prisma.generation.update({ where: { id: running }, data: { status: "running", startedAt: new Date() } });
    const filesBefore = await studio.mediaFiles();
    expect(filesBefore.some((f) => f.includes(a.id))).toBe(true);

    // Bob's id in the batch: nothing is deleted.
    const refused = await post(BULK_DELETE, alice, "/api/bulk/delete", { ids: [a.id, b.id, queued, running, bobGen] });
    expect(refused.status).toBe(404);
    expect(await visibleIds(alice)).toEqual(expect.arrayContaining([a.id, b.id, queued, running]));
    expect(await visibleIds(bob)).toContain(bobGen);
    // Bob cannot delete Alice's.
    expect((await post(BULK_DELETE, bob, "/api/bulk/delete", { ids: [a.id] })).status).toBe(404);

    const res = await post(BULK_DELETE, alice, "/api/bulk/delete", { ids: [a.id, b.id, queued, running] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: 4 });
    const left = await visibleIds(alice);
    for (const id of [a.id, b.id, queued, running]) expect(left).not.toContain(id);
    expect((await studio.mediaFiles()).filter((f) => f.includes(a.id) || f.includes(b.id))).toEqual([]);
    expect(await getDb().prisma.generation.findUnique({ where: { id: a.id } })).toBeNull();
    expect(await getDb().prisma.generation.findUnique({ where: { id: queued } })).toBeNull();
    expect((await getDb().prisma.usageEntry.findFirst({ where: { userId: alice.id, model: "gpt-image-2", status: "released" } }))).not.toBeNull();
    // Still running upstream: hidden now, kept until the tracker settles its cost.
    expect(await getDb().prisma.generation.findUnique({ where: { id: running }, select: { deletedAt: true } })).toMatchObject({ deletedAt: expect.any(Date) });
    // Deleting again finds nothing.
    expect((await post(BULK_DELETE, alice, "/api/bulk/delete", { ids: [a.id] })).status).toBe(404);
    expect(await visibleIds(bob)).toContain(bobGen);
  });

  it("lists the ids matching the gallery's filters (not a page of them) with the total, for the owner only", async () => {
    const user = await studio.createUser();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await generate(user, `matching kite ${i}`)).id);
    await generate(user, "something else");
    const res = await MATCHING(await studio.request(user, "/api/bulk/ids?q=matching+kite&kind=image"), ctx());
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ids: string[]; total: number; limit: number };
    expect(body.ids.sort()).toEqual([...made].sort());
    expect(body).toMatchObject({ total: 3, limit: 500 });
    // Bob's collection is as unknown as a missing one; bad parameters are refused.
    const bobsCollection = await CREATE_COLLECTION(await studio.request(bob, "/api/collections", { method: "POST", json: { name: "Bob's" } }), ctx());
    const { collection } = (await bobsCollection.json()) as { collection: { id: string } };
    expect((await MATCHING(await studio.request(user, `/api/bulk/ids?collection=${collection.id}`), ctx())).status).toBe(404);
    expect((await MATCHING(await studio.request(user, "/api/bulk/ids?kind=bogus"), ctx())).status).toBe(400);
    expect((await MATCHING(await studio.request(user, "/api/bulk/ids?limit=5"), ctx())).status).toBe(400);
    expect((await MATCHING(await studio.request(null, "/api/bulk/ids"), ctx())).status).toBe(401);
    // Another user's query sees none of these.
    const bobs = (await (await MATCHING(await studio.request(bob, "/api/bulk/ids?q=matching+kite"), ctx())).json()) as { ids: string[] };
    expect(bobs.ids).toEqual([]);
  });
});
