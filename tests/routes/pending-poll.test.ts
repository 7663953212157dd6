import { afterAll, beforeAll, expect, it } from "vitest";
import { POST, GET as LIST } from "@/app/api/generations/route";
import { DELETE } from "@/app/api/generations/[id]/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import type { GenerationListView, GenerationView } from "@/lib/generations/view";
import { forEachDatabase } from "../support/db";
import { settleGeneration } from "../support/generations";
import { ctx, startStudioWithTwoUsers, type StudioHarness } from "../support/studio";

type Body = { generation: GenerationView };

/**
 * GET /api/generations?ids=…: the pending poll. A screen asks only about what it waits on;
 * the answer holds the caller's own generations among those ids and nothing else.
 */
forEachDatabase("GET /api/generations?ids= (the pending poll)", () => {
  let studio: StudioHarness, alice: PublicUser, bob: PublicUser;
  beforeAll(async () => ({ studio, alice, bob } = await startStudioWithTwoUsers()));
  afterAll(() => studio.close());

  /** A large image goes through Pixapi's async API; with no tracker running it stays pending. */
  async function pending(user: PublicUser, prompt: string): Promise<string> {
    const res = await POST(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gpt-image-2", prompt, size: "2048x2048" } }), ctx());
    expect(res.status).toBe(202);
    return ((await res.json()) as Body).generation.id;
  }

  async function poll(user: PublicUser, query: string) {
    const res = await LIST(await studio.request(user, `/api/generations?${query}`), ctx());
    return { status: res.status, body: (await res.json()) as GenerationListView & { error?: { type: string; message: string } } };
  }

  it("answers the caller's own generations among the ids, newest first, as they change", async () => {
    const first = await pending(alice, "pending one");
    const second = await pending(alice, "pending two");
    const bobs = await pending(bob, "bob's own");
    await drainBackground();

    const both = await poll(alice, `ids=${first},${second},${bobs},nosuchid,${first}`);
    expect(both.status).toBe(200);
    expect(both.body.items.map((g) => g.id)).toEqual([second, first]);
    expect(both.body.items.every((g) => g.status === "running")).toBe(true);
    expect(both.body.nextCursor).toBeNull();

    await settleGeneration(first);
    const after = await poll(alice, `ids=${first},${second}`);
    const done = after.body.items.find((g) => g.id === first);
    expect(done?.status).toBe("completed");
    expect(done?.outputs).toHaveLength(1);
    expect(after.body.items.map((g) => g.id)).toEqual([second, first]);

    // Bob asking about alice's ids learns nothing, not even that they exist.
    const asBob = await poll(bob, `ids=${first},${second}`);
    expect(asBob.status).toBe(200);
    expect(asBob.body.items).toEqual([]);
    expect((await poll(bob, `ids=${bobs}`)).body.items.map((g) => g.id)).toEqual([bobs]);
  });

  it("leaves out a generation deleted while pending", async () => {
    const id = await pending(alice, "to be deleted");
    await drainBackground();
    const del = await DELETE(await studio.request(alice, `/api/generations/${id}`, { method: "DELETE" }), ctx({ id }));
    expect(del.status).toBe(204);
    expect((await poll(alice, `ids=${id}`)).body.items).toEqual([]);
  });

  it("refuses malformed, oversized and mixed queries with a 400 envelope", async () => {
    const tooMany = Array.from({ length: 51 }, (_, i) => `id${i}`).join(",");
    for (const query of ["ids=", "ids=a,,b", "ids=a%00b", "ids=..%2Fetc", `ids=${tooMany}`, "ids=a&cursor=b", "ids=a&q=cat", "ids=a&limit=5", `ids=${"x".repeat(129)}`]) {
      const res = await poll(alice, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.type, query).toBe("invalid_request_error");
    }
    const fifty = await poll(alice, `ids=${Array.from({ length: 50 }, (_, i) => `id${i}`).join(",")}`);
    expect(fifty.status).toBe(200);
    expect(fifty.body.items).toEqual([]);
  });

  it("needs a session", async () => {
    const res = await LIST(await studio.request(null, "/api/generations?ids=abc"), ctx());
    expect(res.status).toBe(401);
  });
});
