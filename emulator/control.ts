import { z } from "zod";
import type { Ctx } from "./context";
import { invalidRequest, notFound } from "./errors";
import { faultRuleSchema } from "./faults";
import { readJsonBody, sendJson } from "./http";

/**
 * /_emulator/* — test and benchmark controls. No Bearer key: a browser test drives these
 * while the studio (not the test) talks to /v1. Switched off with EMULATOR_CONTROL=0.
 */

async function jsonBody<S extends z.ZodType>(ctx: Ctx, schema: S): Promise<z.infer<S>> {
  const raw = await readJsonBody(ctx.req, ctx.app.config.maxJsonBytes);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidRequest(`Invalid '${issue?.path.join(".") ?? ""}': ${issue?.message ?? "bad value"}`);
  }
  return parsed.data;
}

export async function addFault(ctx: Ctx): Promise<void> {
  const rule = ctx.app.faults.add(await jsonBody(ctx, faultRuleSchema));
  sendJson(ctx.res, 201, rule);
}

export async function listFaults(ctx: Ctx): Promise<void> {
  sendJson(ctx.res, 200, { data: ctx.app.faults.list() });
}

export async function clearFaults(ctx: Ctx): Promise<void> {
  sendJson(ctx.res, 200, { deleted: ctx.app.faults.clear() });
}

export async function deleteFault(ctx: Ctx): Promise<void> {
  if (!ctx.app.faults.remove(ctx.params.id!)) throw notFound(`No fault rule '${ctx.params.id}'`);
  sendJson(ctx.res, 200, { deleted: 1 });
}

export async function getAccount(ctx: Ctx): Promise<void> {
  sendJson(ctx.res, 200, ctx.app.accounts.view(ctx.params.key!));
}

export async function putAccount(ctx: Ctx): Promise<void> {
  const { balance } = await jsonBody(ctx, z.object({ balance: z.number().min(0).max(1e12) }));
  sendJson(ctx.res, 200, ctx.app.accounts.setBalance(ctx.params.key!, balance));
}

export async function getStats(ctx: Ctx): Promise<void> {
  const { routes, tasks, pollTimes } = ctx.app.stats;
  sendJson(ctx.res, 200, { routes, tasks, pollTimes });
}

/** Back to a fresh start: tasks, faults, balances and counters. Existing file links stay valid until their TTL. */
export async function reset(ctx: Ctx): Promise<void> {
  const { app } = ctx;
  app.tasks.reset();
  app.faults.clear();
  app.accounts.clear();
  app.stats.reset();
  sendJson(ctx.res, 200, { ok: true });
}
