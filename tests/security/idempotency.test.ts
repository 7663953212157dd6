import { afterAll, beforeAll, expect, it } from "vitest";
import { POST } from "@/app/api/generations/route";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import { forEachDatabase } from "../support/db";
import { pngFixture } from "../support/generations";
import { ctx, multipart, startStudioHarness, type StudioHarness } from "../support/studio";

forEachDatabase("Idempotency-Key reuse", (getDb) => {
  let studio: StudioHarness;
  let user: PublicUser;
  beforeAll(async () => {
    studio = await startStudioHarness();
    user = await studio.createUser();
  });
  afterAll(async () => {
    await drainBackground();
    await studio.close();
  });

  const send = async (key: string, json: unknown) =>
    POST(await studio.request(user, "/api/generations", { method: "POST", json, headers: { "idempotency-key": key } }), ctx());
  const image = { kind: "image", model: "gpt-image-2", prompt: "one key, one request", n: 1, size: "1024x1024" };

  it("replays the same body to the first generation, and refuses a different body with 422", async () => {
    const first = await send("reuse-key-0001", image);
    expect(first.status).toBe(202);
    const id = ((await first.json()) as { generation: { id: string } }).generation.id;
    const replay = await send("reuse-key-0001", { ...image, prompt: "  one key, one request " });
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { generation: { id: string } }).generation.id).toBe(id);

    for (const changed of [{ ...image, prompt: "something else" }, { ...image, n: 2 }, { ...image, model: "gemini-2.5-flash-image" }]) {
      const res = await send("reuse-key-0001", changed);
      expect(res.status, JSON.stringify(changed)).toBe(422);
      expect(((await res.json()) as { error: { type: string } }).error.type).toBe("validation_error");
    }
    expect(await getDb().prisma.generation.count({ where: { userId: user.id } })).toBe(1);
    expect(await getDb().prisma.usageEntry.count({ where: { userId: user.id } })).toBe(1);
  });

  it("compares uploads too: the same edit replays, another image is a 422", async () => {
    const edit = async (color: string) => {
      const { body, headers } = await multipart({ kind: "edit", model: "gpt-image-2", prompt: "edit once" }, [
        { name: "image", filename: "a.png", type: "image/png", bytes: await pngFixture({ color }) },
      ]);
      return POST(await studio.request(user, "/api/generations", { method: "POST", body, headers: { ...headers, "idempotency-key": "reuse-edit-0001" } }), ctx());
    };
    expect((await edit("#112233")).status).toBe(202);
    expect((await edit("#112233")).status).toBe(200);
    expect((await edit("#ff0000")).status).toBe(422);
  });
});
