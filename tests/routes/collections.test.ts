import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as CREATE_GEN, GET as LIST_GENS } from "@/app/api/generations/route";
import { PATCH as PATCH_GEN, GET as GET_GEN, DELETE as DELETE_GEN } from "@/app/api/generations/[id]/route";
import { GET as LIST, POST as CREATE } from "@/app/api/collections/route";
import { PATCH as RENAME, DELETE as REMOVE } from "@/app/api/collections/[id]/route";
import { POST as ADD_ITEMS, DELETE as REMOVE_ITEMS } from "@/app/api/collections/[id]/items/route";
import type { CollectionView } from "@/lib/collections/view";
import type { PublicUser } from "@/lib/db/queries/users";
import type { GenerationListView, GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { settleGeneration } from "../support/generations";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

type ErrorBody = { error: { type: string; code: number; fields?: Record<string, string> } };

forEachDatabase("favorites and collections", (getDb) => {
  let studio: StudioHarness;
  let alice: PublicUser;
  let bob: PublicUser;
  let aliceGens: string[] = [];
  let bobGen = "";

  async function generate(user: PublicUser, prompt: string): Promise<string> {
    const res = await CREATE_GEN(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gemini-2.5-flash-image", prompt, size: "1024x1024" } }), ctx());
    const { generation } = (await res.json()) as { generation: GenerationView };
    await settleGeneration(generation.id);
    return generation.id;
  }

  async function call(handler: typeof RENAME, user: PublicUser | null, path: string, method: string, params: Record<string, string>, json?: unknown) {
    const res = await handler(await studio.request(user, path, { method, json }), ctx(params as { id: string }));
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & ErrorBody };
  }

  async function list(user: PublicUser, query: string) {
    const res = await LIST_GENS(await studio.request(user, `/api/generations?${query}`), ctx());
    return { status: res.status, body: (await res.json()) as GenerationListView & ErrorBody };
  }

  async function newCollection(user: PublicUser, name: string): Promise<CollectionView> {
    const res = await CREATE(await studio.request(user, "/api/collections", { method: "POST", json: { name } }), ctx());
    expect(res.status).toBe(201);
    return ((await res.json()) as { collection: CollectionView }).collection;
  }

  beforeAll(async () => {
    studio = await startStudioHarness();
    alice = await studio.createUser();
    bob = await studio.createUser();
    aliceGens = [await generate(alice, "a red kite"), await generate(alice, "a green kite"), await generate(alice, "a blue kite")];
    bobGen = await generate(bob, "bob's secret kite");
  });
  afterAll(() => studio.close());

  it("stars and unstars a generation, and filters the gallery by favorites", async () => {
    const [red, green] = aliceGens as [string, string];
    const starred = await call(PATCH_GEN, alice, `/api/generations/${red}`, "PATCH", { id: red }, { favorite: true });
    expect(starred.status).toBe(200);
    expect((starred.body.generation as GenerationView).favorite).toBe(true);
    await call(PATCH_GEN, alice, `/api/generations/${green}`, "PATCH", { id: green }, { favorite: true });

    const favorites = await list(alice, "favorite=1");
    expect(favorites.body.items.map((g) => g.id).sort()).toEqual([red, green].sort());
    expect(favorites.body.items.every((g) => g.favorite)).toBe(true);

    await call(PATCH_GEN, alice, `/api/generations/${green}`, "PATCH", { id: green }, { favorite: false });
    expect((await list(alice, "favorite=1")).body.items.map((g) => g.id)).toEqual([red]);
    // Bob's gallery has no favorites, and Alice's stars never show there.
    expect((await list(bob, "favorite=1")).body.items).toEqual([]);
  });

  it("creates, lists, renames and deletes collections; names are unique per user", async () => {
    const trips = await newCollection(alice, "  Trips  ");
    expect(trips).toMatchObject({ name: "Trips", itemCount: 0 });
    const dup = await CREATE(await studio.request(alice, "/api/collections", { method: "POST", json: { name: "Trips" } }), ctx());
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as ErrorBody).error.type).toBe("conflict_error");
    // Bob may use the same name: it is his own list.
    await newCollection(bob, "Trips");

    const renamed = await call(RENAME, alice, `/api/collections/${trips.id}`, "PATCH", { id: trips.id }, { name: "Holidays" });
    expect(renamed.status).toBe(200);
    expect((renamed.body.collection as CollectionView).name).toBe("Holidays");

    const listed = await LIST(await studio.request(alice, "/api/collections"), ctx());
    const { collections } = (await listed.json()) as { collections: CollectionView[] };
    expect(collections.map((c) => c.name)).toContain("Holidays");
    expect(collections.map((c) => c.name)).not.toContain("Trips");

    const removed = await call(REMOVE, alice, `/api/collections/${trips.id}`, "DELETE", { id: trips.id });
    expect(removed.status).toBe(204);
    expect((await call(REMOVE, alice, `/api/collections/${trips.id}`, "DELETE", { id: trips.id })).status).toBe(404);
  });

  it("adds and removes items; one item can be in several collections; the filter follows", async () => {
    const [red, green, blue] = aliceGens as [string, string, string];
    const birds = await newCollection(alice, "Birds");
    const skies = await newCollection(alice, "Skies");
    const added = await call(ADD_ITEMS, alice, `/api/collections/${birds.id}/items`, "POST", { id: birds.id }, { ids: [red, green, red] });
    expect(added.status).toBe(200);
    expect((added.body.collection as CollectionView).itemCount).toBe(2);
    await call(ADD_ITEMS, alice, `/api/collections/${skies.id}/items`, "POST", { id: skies.id }, { ids: [green, blue] });
    // Adding again is harmless.
    expect((await call(ADD_ITEMS, alice, `/api/collections/${birds.id}/items`, "POST", { id: birds.id }, { ids: [red] })).status).toBe(200);

    expect((await list(alice, `collection=${birds.id}`)).body.items.map((g) => g.id).sort()).toEqual([red, green].sort());
    const greenView = await GET_GEN(await studio.request(alice, `/api/generations/${green}`), ctx({ id: green }));
    expect(((await greenView.json()) as { generation: GenerationView }).generation.collectionIds.sort()).toEqual([birds.id, skies.id].sort());

    // Favorites and a collection combine.
    await call(PATCH_GEN, alice, `/api/generations/${blue}`, "PATCH", { id: blue }, { favorite: true });
    expect((await list(alice, `collection=${skies.id}&favorite=1`)).body.items.map((g) => g.id)).toEqual([blue]);

    const out = await call(REMOVE_ITEMS, alice, `/api/collections/${birds.id}/items`, "DELETE", { id: birds.id }, { ids: [red] });
    expect((out.body.collection as CollectionView).itemCount).toBe(1);
    expect((await list(alice, `collection=${birds.id}`)).body.items.map((g) => g.id)).toEqual([green]);
    // Removing from a collection keeps the generation.
    expect((await GET_GEN(await studio.request(alice, `/api/generations/${red}`), ctx({ id: red }))).status).toBe(200);

    // Deleting a collection keeps its generations; deleting a generation leaves its collections.
    await call(REMOVE, alice, `/api/collections/${skies.id}`, "DELETE", { id: skies.id });
    expect((await GET_GEN(await studio.request(alice, `/api/generations/${blue}`), ctx({ id: blue }))).status).toBe(200);
    const doomed = await generate(alice, "a kite to delete");
    await call(ADD_ITEMS, alice, `/api/collections/${birds.id}/items`, "POST", { id: birds.id }, { ids: [doomed] });
    expect((await DELETE_GEN(await studio.request(alice, `/api/generations/${doomed}`, { method: "DELETE" }), ctx({ id: doomed }))).status).toBe(204);
    expect(await getDb().prisma.collectionItem.count({ where: { generationId: doomed } })).toBe(0);
  });

  it("answers 404 for another user's collections and generations, and writes nothing", async () => {
    const [red] = aliceGens as [string];
    const mine = await newCollection(alice, "Mine only");
    const bobs = await newCollection(bob, "Bob's");
    const before = await getDb().prisma.collectionItem.count();

    const cases = [
      await call(ADD_ITEMS, alice, `/api/collections/${bobs.id}/items`, "POST", { id: bobs.id }, { ids: [red] }),
      await call(ADD_ITEMS, alice, `/api/collections/${mine.id}/items`, "POST", { id: mine.id }, { ids: [red, bobGen] }),
      await call(REMOVE_ITEMS, bob, `/api/collections/${mine.id}/items`, "DELETE", { id: mine.id }, { ids: [red] }),
      await call(RENAME, bob, `/api/collections/${mine.id}`, "PATCH", { id: mine.id }, { name: "taken over" }),
      await call(REMOVE, bob, `/api/collections/${mine.id}`, "DELETE", { id: mine.id }),
      await call(PATCH_GEN, alice, `/api/generations/${bobGen}`, "PATCH", { id: bobGen }, { favorite: true }),
      await call(RENAME, alice, "/api/collections/nope", "PATCH", { id: "../../etc" }, { name: "x" }),
    ];
    for (const res of cases) {
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(res.body.error.type).toBe("not_found_error");
    }
    const other = await list(alice, `collection=${bobs.id}`);
    expect(other.status).toBe(404);
    expect(await getDb().prisma.collectionItem.count()).toBe(before);
    expect((await getDb().prisma.collection.findUniqueOrThrow({ where: { id: mine.id } })).name).toBe("Mine only");
    expect((await getDb().prisma.generation.findUniqueOrThrow({ where: { id: bobGen } })).favorite).toBe(false);
  });

  it("refuses bad input and anonymous callers with the envelope", async () => {
    const c = await newCollection(alice, "Inputs");
    const bad: [typeof RENAME, string, string, Record<string, string>, unknown][] = [
      [CREATE as unknown as typeof RENAME, "/api/collections", "POST", {}, { name: "   " }],
      [CREATE as unknown as typeof RENAME, "/api/collections", "POST", {}, { name: "x".repeat(61) }],
      [CREATE as unknown as typeof RENAME, "/api/collections", "POST", {}, { name: "a\u202eb" }],
      [CREATE as unknown as typeof RENAME, "/api/collections", "POST", {}, { name: "ok", extra: 1 }],
      [ADD_ITEMS, `/api/collections/${c.id}/items`, "POST", { id: c.id }, { ids: [] }],
      [ADD_ITEMS, `/api/collections/${c.id}/items`, "POST", { id: c.id }, { ids: "abc" }],
      [ADD_ITEMS, `/api/collections/${c.id}/items`, "POST", { id: c.id }, { ids: ["' OR 1=1 --"] }],
      [ADD_ITEMS, `/api/collections/${c.id}/items`, "POST", { id: c.id }, { ids: Array.from({ length: 501 }, (_, i) => `g${i}`) }],
      [PATCH_GEN, `/api/generations/${aliceGens[0]}`, "PATCH", { id: aliceGens[0] ?? "" }, { favorite: "yes" }],
    ];
    for (const [handler, path, method, params, json] of bad) {
      const res = await call(handler, alice, path, method, params, json);
      expect(res.status, `${path} ${JSON.stringify(json)}`).toBe(400);
      expect(res.body.error.type).toBe("invalid_request_error");
    }
    expect((await list(alice, "favorite=maybe")).status).toBe(400);
    expect((await list(alice, "collection=not-an-id!")).status).toBe(400);

    const anon = await LIST(await studio.request(null, "/api/collections"), ctx());
    expect(anon.status).toBe(401);
    expect((await call(ADD_ITEMS, null, `/api/collections/${c.id}/items`, "POST", { id: c.id }, { ids: aliceGens })).status).toBe(401);
    expect(await getDb().prisma.collectionItem.count({ where: { collectionId: c.id } })).toBe(0);
  });
});
