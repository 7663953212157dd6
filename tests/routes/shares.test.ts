import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as CREATE_GEN } from "@/app/api/generations/route";
import { POST as SHARE, DELETE as UNSHARE } from "@/app/api/generations/[id]/share/route";
import { GET as LIST } from "@/app/api/shares/route";
import { GET as SHARED_MEDIA } from "@/app/s/[token]/media/[mediaId]/route";
import { GET as PREVIEW } from "@/app/s/[token]/preview/route";
import { GET as OWNER_MEDIA } from "@/app/api/media/[id]/route";
import { DELETE as DELETE_GEN } from "@/app/api/generations/[id]/route";
import type { PublicUser } from "@/lib/db/queries/users";
import type { GenerationView } from "@/lib/generations/view";
import { loadPublicShare } from "@/lib/shares/service";
import type { ShareView } from "@/lib/shares/view";
import { forEachDatabase } from "../support/db";
import { pngFixture, settleGeneration } from "../support/generations";
import { ctx, multipart, startStudioHarness, type StudioHarness } from "../support/studio";

forEachDatabase("share links", (getDb) => {
  let studio: StudioHarness;
  let alice: PublicUser;
  let bob: PublicUser;
  let image = "";
  let edit = "";

  async function generate(user: PublicUser, prompt: string): Promise<string> {
    const res = await CREATE_GEN(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", model: "gemini-2.5-flash-image", prompt, size: "1024x1024" } }), ctx());
    const { generation } = (await res.json()) as { generation: GenerationView };
    await settleGeneration(generation.id);
    return generation.id;
  }

  async function share(user: PublicUser, id: string, json?: unknown) {
    const res = await SHARE(await studio.request(user, `/api/generations/${id}/share`, { method: "POST", json }), ctx({ id }));
    return { status: res.status, body: (await res.json()) as { url: string; hidePrompt: boolean; error?: { type: string } } };
  }

  const tokenOf = (url: string) => url.split("/s/")[1] ?? "";
  const media = (token: string, mediaId: string, query = "") =>
    SHARED_MEDIA(new Request(`http://localhost:3999/s/${token}/media/${mediaId}${query}`), ctx({ token, mediaId }));

  beforeAll(async () => {
    studio = await startStudioHarness();
    alice = await studio.createUser();
    bob = await studio.createUser();
    image = await generate(alice, "a lighthouse for everyone");
    const mp = await multipart({ kind: "edit", model: "nano-banana-pro", prompt: "add snow", n: "1", size: "1024x1024" }, [
      { name: "image", filename: "in.png", type: "image/png", bytes: await pngFixture() },
    ]);
    const res = await CREATE_GEN(await studio.request(alice, "/api/generations", { method: "POST", body: mp.body, headers: mp.headers }), ctx());
    edit = ((await res.json()) as { generation: GenerationView }).generation.id;
    await settleGeneration(edit);
  });
  afterAll(() => studio.close());

  it("shares a finished generation at PUBLIC_URL/s/<128-bit token>; sharing again keeps the link", async () => {
    const first = await share(alice, image);
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(/^http:\/\/localhost:3999\/s\/[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(tokenOf(first.body.url), "base64url")).toHaveLength(16);
    const again = await share(alice, image, { hidePrompt: true });
    expect(again.body).toMatchObject({ url: first.body.url, hidePrompt: true });

    const page = await loadPublicShare(tokenOf(first.body.url));
    expect(page).toMatchObject({ kind: "image", prompt: null, model: "gemini-2.5-flash-image", width: 1024, height: 1024 });
    await share(alice, image, { hidePrompt: false });
    expect((await loadPublicShare(tokenOf(first.body.url)))?.prompt).toBe("a lighthouse for everyone");

    const list = await LIST(await studio.request(alice, "/api/shares"), ctx());
    const { shares } = (await list.json()) as { shares: ShareView[] };
    expect(shares.map((s) => s.generationId)).toEqual([image]);
    expect(shares[0]?.url).toBe(first.body.url);
    const bobs = (await (await LIST(await studio.request(bob, "/api/shares"), ctx())).json()) as { shares: ShareView[] };
    expect(bobs.shares).toEqual([]);
  });

  it("serves the shared outputs and a 1200×630 preview through the token, and nothing else", async () => {
    const { body } = await share(alice, edit);
    const token = tokenOf(body.url);
    const page = await loadPublicShare(token);
    if (!page) throw new Error("the share page has nothing");
    // Nothing about the owner, and no id beyond the outputs.
    const text = JSON.stringify(page);
    expect(text).not.toContain(alice.email);
    expect(text).not.toContain(alice.id);
    expect(text).not.toContain(edit);
    expect(text).not.toContain("/api/media");

    const row = await getDb().prisma.generation.findUniqueOrThrow({ where: { id: edit }, include: { media: true } });
    const output = row.media.find((m) => m.role === "output");
    const input = row.media.find((m) => m.role === "input");
    if (!output || !input) throw new Error("the edit has no input or output");
    const res = await media(token, output.id);
    expect(res.status).toBe(200);
    const owner = await OWNER_MEDIA(await studio.request(alice, `/api/media/${output.id}`), ctx({ id: output.id }));
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(await owner.arrayBuffer()))).toBe(true);
    expect((await media(token, output.id, "?variant=thumb")).headers.get("content-type")).toBe("image/webp");

    // The uploaded input, another generation's output, a token that shares nothing: all 404.
    const imageOutput = await getDb().prisma.media.findFirstOrThrow({ where: { generationId: image, role: "output" } });
    for (const [t, id] of [[token, input.id], [token, imageOutput.id], ["A".repeat(22), output.id], ["short", output.id]] as const) {
      const denied = await media(t, id);
      expect(denied.status, `${t} ${id}`).toBe(404);
    }

    const preview = await PREVIEW(new Request(`http://localhost:3999/s/${token}/preview`), ctx({ token }));
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("image/jpeg");
    const meta = await sharp(Buffer.from(await preview.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
  });

  it("turning sharing off makes the link, its media and its preview 404 at once; a new share is a new link", async () => {
    const { body } = await share(alice, image);
    const token = tokenOf(body.url);
    const out = await getDb().prisma.media.findFirstOrThrow({ where: { generationId: image, role: "output" } });
    expect((await media(token, out.id)).status).toBe(200);

    const off = await UNSHARE(await studio.request(alice, `/api/generations/${image}/share`, { method: "DELETE" }), ctx({ id: image }));
    expect(off.status).toBe(204);
    expect(await loadPublicShare(token)).toBeNull();
    expect((await media(token, out.id)).status).toBe(404);
    expect((await PREVIEW(new Request(`http://localhost:3999/s/${token}/preview`), ctx({ token }))).status).toBe(404);

    const again = await share(alice, image);
    expect(tokenOf(again.body.url)).not.toBe(token);
  });

  it("answers 404 for another user's generation and 400 for a bad body", async () => {
    const bobGen = await generate(bob, "bob's private sketch");
    expect((await share(alice, bobGen)).status).toBe(404);
    const res = await UNSHARE(await studio.request(alice, `/api/generations/${bobGen}/share`, { method: "DELETE" }), ctx({ id: bobGen }));
    expect(res.status).toBe(404);
    expect(await getDb().prisma.share.count({ where: { generationId: bobGen } })).toBe(0);
    const bad = await share(alice, image, { hidePrompt: "yes" });
    expect(bad.status).toBe(400);
    const anon = await SHARE(await studio.request(null, `/api/generations/${image}/share`, { method: "POST" }), ctx({ id: image }));
    expect(anon.status).toBe(401);
  });

  it("only a finished result can be shared, and deleting the generation ends its link", async () => {
    const failed = await generate(alice, "this one will fail");
    await getDb().prisma.generation.update({ where: { id: failed }, data: { status: "failed" } });
    const refused = await share(alice, failed);
    expect(refused.status).toBe(409);
    expect(await getDb().prisma.share.count({ where: { generationId: failed } })).toBe(0);

    const doomed = await generate(alice, "shared, then deleted");
    const token = tokenOf((await share(alice, doomed)).body.url);
    expect(await loadPublicShare(token)).not.toBeNull();
    const del = await DELETE_GEN(await studio.request(alice, `/api/generations/${doomed}`, { method: "DELETE" }), ctx({ id: doomed }));
    expect(del.status).toBe(204);
    expect(await loadPublicShare(token)).toBeNull();
    const { shares } = (await (await LIST(await studio.request(alice, "/api/shares"), ctx())).json()) as { shares: ShareView[] };
    expect(shares.map((s) => s.generationId)).not.toContain(doomed);
  });
});
