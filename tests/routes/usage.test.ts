import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/generations/route";
import { DELETE } from "@/app/api/generations/[id]/route";
import { GET as LEDGER } from "@/app/api/usage/route";
import { GET as SUMMARY } from "@/app/api/usage/summary/route";
import { GET as DAILY } from "@/app/api/usage/daily/route";
import { GET as CSV } from "@/app/api/usage/export.csv/route";
import { forgetRequestUser } from "@/lib/auth/request-user";
import { createGenerationWithHold } from "@/lib/db/queries/generations";
import type { PublicUser } from "@/lib/db/queries/users";
import { drainBackground } from "@/lib/generations/background";
import type { GenerationView } from "@/lib/generations/view";
import { newId } from "@/lib/ids";
import { csvField } from "@/lib/usage/ledger";
import type { DailyUsageView, LedgerPageView, UsageSummaryView } from "@/lib/usage/views";
import { forEachDatabase } from "../support/db";
import { settleGeneration } from "../support/generations";
import { ctx, startStudioHarness, type StudioHarness } from "../support/studio";

describe("csvField", () => {
  it("quotes commas, quotes and line breaks, and defuses spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField(2.5)).toBe("2.5");
    expect(csvField(null)).toBe("");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1,2")).toBe(`"'+1,2"`);
  });
});

forEachDatabase("usage API", (getDb) => {
  let studio: StudioHarness;
  let alice: PublicUser;
  let bob: PublicUser;
  const aliceGenerations: string[] = [];
  let bobGeneration = "";
  let heldGeneration = "";
  let deletedGeneration = "";

  async function generate(user: PublicUser, json: Record<string, unknown>): Promise<string> {
    const res = await POST(await studio.request(user, "/api/generations", { method: "POST", json: { kind: "image", prompt: "usage", ...json } }), ctx());
    expect(res.status).toBe(202);
    const { generation } = (await res.json()) as { generation: GenerationView };
    await settleGeneration(generation.id);
    return generation.id;
  }

  beforeAll(async () => {
    studio = await startStudioHarness({ env: { DEFAULT_ALLOWANCE_CREDITS: "50" } });
    alice = await studio.createUser();
    bob = await studio.createUser();
    // Alice: 2 (gpt-image-2) + 1 (gemini flash) settled, a failed one (released), one still held, one deleted (settled, 2).
    aliceGenerations.push(await generate(alice, { model: "gpt-image-2" }));
    aliceGenerations.push(await generate(alice, { model: "gemini-2.5-flash-image" }));
    const failing = `fails ${Math.random()}`;
    await studio.emulator.control.addFault({ match: { prompt_contains: failing }, action: "500" });
    aliceGenerations.push(await generate(alice, { model: "gpt-image-2", prompt: failing }));
    heldGeneration = newId();
    await createGenerationWithHold({ id: heldGeneration, userId: alice.id, kind: "video", mode: "async", model: "veo", prompt: "held", params: {}, estimatedMilli: 4000 });
    deletedGeneration = await generate(alice, { model: "gpt-image-2", prompt: 'a "quoted", comma prompt' });
    expect((await DELETE(await studio.request(alice, `/api/generations/${deletedGeneration}`, { method: "DELETE" }), ctx({ id: deletedGeneration }))).status).toBe(204);
    // Bob: 3 credits (gemini-3-pro-image-preview).
    bobGeneration = await generate(bob, { model: "gemini-3-pro-image-preview" });
  });
  afterAll(async () => {
    await drainBackground();
    await studio.close();
  });

  async function getJson<T>(handler: (req: Request, c: { params: Promise<Record<string, never>> }) => Promise<Response>, user: PublicUser | null, path: string) {
    const res = await handler(await studio.request(user, path), ctx());
    return { status: res.status, body: (await res.json()) as T };
  }

  it("sums today's and this month's spend (settled and held apart) and what is left, for the session user only", async () => {
    const { status, body } = await getJson<UsageSummaryView>(SUMMARY, alice, "/api/usage/summary");
    expect(status).toBe(200);
    expect(body.today).toEqual({ settled: 5, held: 4 });
    expect(body.month).toEqual({ settled: 5, held: 4 });
    expect(body.budget).toMatchObject({ period: "month", allowance: 50, custom: false, settled: 5, held: 4, remaining: 41 });
    expect(new Date(body.budget.resetsAt).getUTCDate()).toBe(1);
    expect(new Date(body.budget.resetsAt).getTime()).toBeGreaterThan(Date.now());

    const bobs = await getJson<UsageSummaryView>(SUMMARY, bob, "/api/usage/summary");
    expect(bobs.body.today).toEqual({ settled: 3, held: 0 });
    expect(bobs.body.budget.remaining).toBe(47);
  });

  it("shows an admin-set allowance as the user's own", async () => {
    await getDb().prisma.user.update({ where: { id: bob.id }, data: { allowanceMilli: 10_500 } });
    const { body } = await getJson<UsageSummaryView>(SUMMARY, bob, "/api/usage/summary");
    expect(body.budget).toMatchObject({ allowance: 10.5, custom: true, remaining: 7.5 });
    await getDb().prisma.user.update({ where: { id: bob.id }, data: { allowanceMilli: null } });
  });

  it("lists the ledger newest first with cursors, linking each row to its generation (null once deleted)", async () => {
    const seen: LedgerPageView["items"] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { status, body }: { status: number; body: LedgerPageView } = await getJson<LedgerPageView>(LEDGER, alice, `/api/usage?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((e) => e.id)).size).toBe(5);
    const times = seen.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const byGeneration = new Map(seen.map((e) => [e.generationId, e]));
    expect(byGeneration.get(aliceGenerations[0]!)).toMatchObject({ kind: "image", model: "gpt-image-2", credits: 2, status: "settled", source: "estimate" });
    expect(byGeneration.get(aliceGenerations[2]!)).toMatchObject({ status: "released", credits: 2 });
    expect(byGeneration.get(heldGeneration)).toMatchObject({ kind: "video", model: "veo", status: "held", credits: 4, settledAt: null });
    expect(byGeneration.get(null)).toMatchObject({ status: "settled", credits: 2 });
    expect(seen.some((e) => e.generationId === bobGeneration)).toBe(false);

    const bad = await getJson<{ error: { type: string } }>(LEDGER, alice, "/api/usage?cursor=bm9wZQ");
    expect(bad.status).toBe(400);
  });

  it("charts the last 30 days by day, kind and model", async () => {
    const { body } = await getJson<DailyUsageView>(DAILY, alice, "/api/usage/daily");
    expect(body.days).toHaveLength(30);
    expect(body.days.at(-1)).toBe(new Date().toISOString().slice(0, 10));
    const today = body.rows.filter((r) => r.day === body.days.at(-1));
    expect(today).toEqual(
      expect.arrayContaining([
        { day: body.days.at(-1), kind: "image", model: "gpt-image-2", settled: 4, held: 0 },
        { day: body.days.at(-1), kind: "image", model: "gemini-2.5-flash-image", settled: 1, held: 0 },
        { day: body.days.at(-1), kind: "video", model: "veo", settled: 0, held: 4 },
      ]),
    );
    expect(today).toHaveLength(3);
    expect(body.rows.some((r) => r.model === "gemini-3-pro-image-preview")).toBe(false);
    expect((await DAILY(await studio.request(alice, "/api/usage/daily?days=1000"), ctx())).status).toBe(400);
  });

  it("exports the user's own ledger as a CSV attachment", async () => {
    const res = await CSV(await studio.request(alice, "/api/usage/export.csv"), ctx());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="pixapi-usage-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("date,kind,model,credits,status,source,settled_at,generation_id");
    expect(lines).toHaveLength(6);
    expect(text).toContain(`,gpt-image-2,2,settled,estimate,`);
    expect(text).toContain(`,video,veo,4,held,estimate,,${heldGeneration}`);
    expect(lines.filter((l) => l.endsWith(",deleted"))).toHaveLength(1);
    expect(text).not.toContain(bobGeneration);
    expect(text).not.toContain("gemini-3-pro-image-preview");

    // Pages of the stream join without gaps or repeats.
    const { ledgerCsvStream } = await import("@/lib/usage/ledger");
    const small = await new Response(ledgerCsvStream({ userId: alice.id, pageSize: 2 })).text();
    expect(small).toBe(text);
  });

  it("names the CSV columns in the reader's language, and keeps the values as codes", async () => {
    const zh = await CSV(await studio.request(alice, "/api/usage/export.csv", { headers: { "accept-language": "zh-CN,zh;q=0.9" } }), ctx());
    const lines = (await zh.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("日期,类型,模型,积分,状态,依据,结算时间,作品ID");
    expect(lines.some((l) => l.includes(",gpt-image-2,2,settled,estimate,"))).toBe(true);
    // The saved choice on the account wins over the browser's header.
    await getDb().prisma.user.update({ where: { id: alice.id }, data: { locale: "en" } });
    forgetRequestUser(alice.id);
    const en = await CSV(await studio.request(alice, "/api/usage/export.csv", { headers: { "accept-language": "zh-CN" } }), ctx());
    expect((await en.text()).split("\r\n")[0]).toBe("date,kind,model,credits,status,source,settled_at,generation_id");
    await getDb().prisma.user.update({ where: { id: alice.id }, data: { locale: null } });
    forgetRequestUser(alice.id);
  });

  it("answers 401 to every usage endpoint without a session", async () => {
    for (const [handler, path] of [
      [LEDGER, "/api/usage"],
      [SUMMARY, "/api/usage/summary"],
      [DAILY, "/api/usage/daily"],
      [CSV, "/api/usage/export.csv"],
    ] as const) {
      expect((await handler(await studio.request(null, path), ctx())).status).toBe(401);
    }
  });
});
