import { expect, it } from "vitest";
import { toAppError } from "@/lib/http/route";
import { forEachDatabase } from "../support/db";

// Under 100 soak users on PostgreSQL, interactive transactions hit Prisma's timeout (P2028)
// and the studio answered 500. A rolled-back transaction is overload: 503 + Retry-After.
forEachDatabase("a database too busy for a transaction", (getDb) => {
  it("a transaction that outlives its timeout becomes 503 with Retry-After, and nothing is written", async () => {
    const { prisma } = getDb();
    const email = `busy-${Date.now()}@example.com`;
    const error = await prisma
      .$transaction(
        async (tx) => {
          await tx.user.create({ data: { email, name: "Busy", role: "user" } });
          await new Promise((resolve) => setTimeout(resolve, 400));
          await tx.user.count();
        },
        { timeout: 100 },
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();

    const res = toAppError(error).toResponse();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    const body = (await res.json()) as { error: { code: number; type: string; message: string } };
    expect(body.error).toMatchObject({ code: 503, type: "service_unavailable" });
    expect(body.error.message).toMatch(/busy/i);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("any other error stays a 500 (a bug is not dressed up as overload)", () => {
    expect(toAppError(new Error("boom")).toResponse().status).toBe(500);
  });
});
