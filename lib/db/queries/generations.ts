import "server-only";
import { executeDirect, getPrisma, queryJson } from "../client";
import { Prisma, type GenerationKind, type GenerationMode } from "../generated/client";
import { newId } from "../../ids";
import { isUniqueViolation } from "../errors";
import { tileMediaObject } from "./generation-reads";
import { mediaSelect, type NewMedia } from "./media";

/**
 * The only door to generation rows and their ledger entry. Every read is scoped by user
 * (ownership is part of the query); every state change is a compare-and-set on the status
 * it leaves, inside a transaction with the ledger, so nothing settles twice.
 */
export const generationSelect = {
  id: true,
  userId: true,
  kind: true,
  status: true,
  mode: true,
  model: true,
  prompt: true,
  params: true,
  progress: true,
  upstreamTaskId: true,
  errorType: true,
  errorMessage: true,
  estimatedMilli: true,
  costMilli: true,
  createdAt: true,
  startedAt: true,
  completedAt: true,
  apiTokenName: true,
  favorite: true,
  media: { select: mediaSelect, orderBy: [{ role: "asc" }, { position: "asc" }] },
  collectionItems: { select: { collectionId: true }, orderBy: { addedAt: "asc" } },
} satisfies Prisma.GenerationSelect;

export type GenerationRow = Prisma.GenerationGetPayload<{ select: typeof generationSelect }>;

/**
 * What the submit's single write checks, in SQL, against the user's row locked for it:
 * the user is not disabled and, when `budget` is given, their spend in the period (held
 * plus settled ledger rows created in it) plus this estimate fits their allowance (their
 * own, else `defaultAllowanceMilli`; both null: unlimited).
 */
export interface SpendCheck {
  periodStart: Date;
  periodEnd: Date;
  defaultAllowanceMilli: number | null;
}

export type CreateWithHoldResult =
  | { created: true; generation: GenerationRow }
  | { created: false; generation: GenerationRow }
  /** Nothing written: the user is disabled (or gone), or the hold would not fit the budget. */
  | { created: false; refused: "disabled" | "budget" };

/**
 * Creates a queued generation, its input media rows and its credit hold atomically: one
 * INSERT ... WITH statement checks the user's state and budget and writes generation,
 * inputs and hold only if they pass. No interactive transaction holds a connection (on
 * PGlite: the process's one connection) across round trips to this process.
 * The statement's first CTE locks the user's row, so concurrent submits of one user queue
 * on the lock, and the period's spend is summed by a VOLATILE function, which reads on a
 * fresh snapshot taken after the lock was granted: it sees the hold the lock's previous
 * owner committed (the same sum inline would read the statement's older snapshot and miss
 * it; migration period_spend_function). tests/routes/budget.test.ts races this on both
 * databases. It goes past Prisma's engine (queryJson in lib/db/client.ts). With an
 * idempotency key already used by this user, nothing is written and the existing
 * generation comes back with `created: false`.
 */
export async function createGenerationWithHold(input: {
  id: string;
  userId: string;
  kind: GenerationKind;
  mode: GenerationMode;
  model: string;
  prompt: string;
  params: Prisma.InputJsonObject;
  idempotencyKey?: string;
  estimatedMilli: number;
  inputs?: NewMedia[];
  /** Made through the /v1 API with this personal token (kept by name for the gallery). */
  apiToken?: { id: string; name: string };
  /** Check the budget in the same write (the submit path); without it only the user's state is checked. */
  budget?: SpendCheck;
}): Promise<CreateWithHoldResult> {
  const prisma = getPrisma();
  const now = new Date();
  const inputs = input.inputs ?? [];
  const budget = input.budget;
  const mediaJson = mediaRecordsJson(inputs);
  // Input media (edits, videos from an image) go in with the generation; most submits have none.
  const insertMedia = inputs.length
    ? Prisma.sql`, m AS (
          ${insertMediaFrom(Prisma.sql`g`, Prisma.sql`g.user_id`, Prisma.sql`g.id`, mediaJson, now)}
          RETURNING id
        )`
    : Prisma.empty;
  // Spend in the period, only when there is an allowance to check it against.
  const fitsBudget = budget
    ? Prisma.sql`(usr.allowance IS NULL OR ${input.estimatedMilli}::int + studio_period_spend_milli(usr.id, ${budget.periodStart}, ${budget.periodEnd}) <= usr.allowance)`
    : Prisma.sql`true`;
  const write = queryJson<{ created: number; disabled: boolean | null }>(Prisma.sql`
        WITH usr AS (
          SELECT u.id, u.disabled, COALESCE(u.allowance_milli, ${budget?.defaultAllowanceMilli ?? null}::int) AS allowance
          FROM users u WHERE u.id = ${input.userId} FOR UPDATE
        ), fits AS (
          SELECT usr.id FROM usr WHERE NOT usr.disabled AND ${fitsBudget}
        ), g AS (
          INSERT INTO generations (id, user_id, kind, mode, model, prompt, params, idempotency_key, estimated_milli, api_token_id, api_token_name, tile_inputs, created_at, updated_at)
          SELECT ${input.id}, fits.id, ${input.kind}::generation_kind, ${input.mode}::generation_mode, ${input.model}, ${input.prompt}, ${JSON.stringify(input.params)}::jsonb,
                 ${input.idempotencyKey ?? null}, ${input.estimatedMilli}::int, ${input.apiToken?.id ?? null}, ${input.apiToken?.name ?? null}, ${tileMediaOf(mediaJson, "input")}, ${now}, ${now}
          FROM fits
          RETURNING id, user_id
        )${insertMedia}, h AS (
          INSERT INTO usage_entries (id, user_id, generation_id, model, kind, amount_milli, created_at)
          SELECT ${newId()}, g.user_id, g.id, ${input.model}, ${input.kind}::generation_kind, ${input.estimatedMilli}::int, ${now}
          FROM g
          RETURNING id
        )
        SELECT json_build_object('created', (SELECT count(*) FROM g), 'disabled', (SELECT disabled FROM usr))::text`);
  let row: { created: number; disabled: boolean | null } | undefined;
  try {
    // One statement on both databases, race-safe on PostgreSQL without a transaction around
    // it: `usr` locks the user's row, and the budget sum (a volatile function) reads after
    // that lock, so concurrent submits of one user are checked one after another.
    [row] = await write;
  } catch (error) {
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const existing = await prisma.generation.findUnique({
        where: { userId_idempotencyKey: { userId: input.userId, idempotencyKey: input.idempotencyKey } },
        select: generationSelect,
      });
      if (existing) return { generation: existing, created: false };
    }
    throw error;
  }
  if (!row || row.created !== 1) return { created: false, refused: row?.disabled === false ? "budget" : "disabled" };
  // The row as generationSelect would read it back, without reading it back: a new
  // generation has exactly the inputs just written and no collections yet.
  const media: GenerationRow["media"] = inputs
    .map((m) => ({ id: m.id, role: m.role, kind: m.kind, mimeType: m.mimeType, width: m.width, height: m.height, bytes: m.bytes, durationMs: m.durationMs ?? null, position: m.position, generationId: input.id, storageKey: m.storageKey, thumbKey: m.thumbKey ?? null }))
    .sort((a, b) => a.position - b.position);
  const generation: GenerationRow = {
    id: input.id,
    userId: input.userId,
    kind: input.kind,
    status: "queued",
    mode: input.mode,
    model: input.model,
    prompt: input.prompt,
    params: input.params as Prisma.JsonValue,
    progress: 0,
    upstreamTaskId: null,
    errorType: null,
    errorMessage: null,
    estimatedMilli: input.estimatedMilli,
    costMilli: null,
    createdAt: now,
    startedAt: null,
    completedAt: null,
    apiTokenName: input.apiToken?.name ?? null,
    favorite: false,
    media,
    collectionItems: [],
  };
  return { generation, created: true };
}

/** Internal (runner/tracker) read, not scoped by user: never reachable from a request. */
export async function getGenerationById({ id }: { id: string }): Promise<GenerationRow | null> {
  return getPrisma().generation.findUnique({ where: { id }, select: generationSelect });
}

/**
 * queued → running, before the upstream call, taking the row's lease for the runner.
 * False if another runner took it already.
 */
export async function markGenerationStarted({ id, lease }: { id: string; lease?: { owner: string; until: Date } }): Promise<boolean> {
  const now = new Date();
  const leaseSet = lease ? Prisma.sql`, lease_owner = ${lease.owner}, lease_until = ${lease.until}` : Prisma.empty;
  // Every run's first write, so past Prisma's engine (queryDirect says why).
  const count = await executeDirect(Prisma.sql`
    UPDATE generations SET status = 'running', started_at = ${now}, updated_at = ${now}${leaseSet}
    WHERE id = ${id} AND status = 'queued'`);
  return count === 1;
}

/** Records the upstream task of an async generation and when to poll it first; the runner's lease ends (the tracker claims its own). */
export async function recordUpstreamTask(input: { id: string; upstreamTaskId: string; upstreamStatus: string; progress: number; nextPollAt: Date }) {
  await getPrisma().generation.updateMany({
    where: { id: input.id, status: "running" },
    data: {
      upstreamTaskId: input.upstreamTaskId,
      upstreamStatus: input.upstreamStatus,
      progress: input.progress,
      nextPollAt: input.nextPollAt,
      leaseOwner: null,
      leaseUntil: null,
    },
  });
}

/** Media rows as the JSON records insertMediaFrom reads (one statement inserts them all). */
function mediaRecordsJson(media: readonly NewMedia[]): string {
  return JSON.stringify(
    media.map((m) => ({
      id: m.id,
      role: m.role,
      kind: m.kind,
      mime_type: m.mimeType,
      width: m.width,
      height: m.height,
      bytes: m.bytes,
      duration_ms: m.durationMs ?? null,
      storage_key: m.storageKey,
      thumb_key: m.thumbKey ?? null,
      sha256: m.sha256,
      position: m.position,
    })),
  );
}

/** `INSERT INTO media ... SELECT` from the JSON records, for each row of `source` (a CTE): inside one statement with the write it belongs to. */
function insertMediaFrom(source: Prisma.Sql, userId: Prisma.Sql, generationId: Prisma.Sql, mediaJson: string, now: Date): Prisma.Sql {
  return Prisma.sql`INSERT INTO media (id, user_id, generation_id, role, kind, mime_type, width, height, bytes, duration_ms, storage_key, thumb_key, sha256, position, created_at)
          SELECT x.id, ${userId}, ${generationId}, x.role::media_role, x.kind::media_kind, x.mime_type, x.width, x.height, x.bytes, x.duration_ms, x.storage_key, x.thumb_key, x.sha256, x.position, ${now}
          FROM ${source}, ${mediaRecords(mediaJson)}`;
}

/** The JSON records (mediaRecordsJson) as rows `x` with the media table's columns. */
function mediaRecords(mediaJson: string): Prisma.Sql {
  return Prisma.sql`jsonb_to_recordset(${mediaJson}::jsonb) AS x(id text, role text, kind text, mime_type text, width int, height int, bytes int, duration_ms int, storage_key text, thumb_key text, sha256 text, position int)`;
}

/** The tile media (generation-reads.ts tileMediaObject) of the records being written, for the row's tile_inputs / tile_outputs. */
function tileMediaOf(mediaJson: string, role: "input" | "output"): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(json_agg(${tileMediaObject("x")} ORDER BY x.position), '[]'::json) FROM ${mediaRecords(mediaJson)} WHERE x.role = ${role})`;
}

/**
 * running → completed: stores the output media and settles the hold at the final amount.
 * Returns false (writing nothing) if the generation already left "running".
 */
export async function completeGeneration(input: {
  id: string;
  /** The owner (the caller has the row): its output media are theirs. */
  userId: string;
  outputs: NewMedia[];
  costMilli: number;
  source: "estimate" | "reported";
}): Promise<boolean> {
  // One statement, not an interactive transaction: its parts commit together or not at all
  // and see the same row, and no connection is held across round trips to this process (on
  // PGlite, the one connection every other query waits for). The media and the settle hang
  // on the row the status change moved: if another writer moved it first, nothing is written.
  const now = new Date();
  const outputsJson = mediaRecordsJson(input.outputs);
  const outputs = input.outputs.length
    ? Prisma.sql`, m AS (
          ${insertMediaFrom(Prisma.sql`moved`, Prisma.sql`${input.userId}`, Prisma.sql`moved.id`, outputsJson, now)}
          RETURNING id
        )`
    : Prisma.empty;
  const rows = await getPrisma().$queryRaw<{ moved: number }[]>`
        WITH moved AS (
          UPDATE generations SET status = 'completed', progress = 100, cost_milli = ${input.costMilli}::int, completed_at = ${now},
                 tile_outputs = ${tileMediaOf(outputsJson, "output")},
                 next_poll_at = NULL, lease_owner = NULL, lease_until = NULL, updated_at = ${now}
          WHERE id = ${input.id} AND status IN ('queued', 'running')
          RETURNING id
        )${outputs}, settled AS (
          UPDATE usage_entries SET status = 'settled', amount_milli = ${input.costMilli}::int, source = ${input.source}::usage_source, settled_at = ${now}
          WHERE generation_id IN (SELECT id FROM moved) AND status = 'held'
          RETURNING id
        )
        SELECT (SELECT count(*) FROM moved)::int AS moved`;
  return rows[0]?.moved === 1;
}

/**
 * queued|running → failed, releasing the hold. False if it already reached a terminal
 * status. `leaseExpiredBy`: fail only if no live lease is on the row (orphan recovery
 * must not fail a call its runner is still renewing).
 */
export async function failGeneration(input: { id: string; errorType: string; errorMessage: string; leaseExpiredBy?: Date }): Promise<boolean> {
  // One statement, as completeGeneration: the hold is released only with the row it moved.
  const now = new Date();
  const leaseCheck = input.leaseExpiredBy ? Prisma.sql`AND (lease_until IS NULL OR lease_until < ${input.leaseExpiredBy})` : Prisma.empty;
  const rows = await getPrisma().$queryRaw<{ moved: number }[]>`
        WITH moved AS (
          UPDATE generations SET status = 'failed', error_type = ${input.errorType}, error_message = ${input.errorMessage.slice(0, 2000)},
                 tile_outputs = '[]'::json, completed_at = ${now}, next_poll_at = NULL, lease_owner = NULL, lease_until = NULL, updated_at = ${now}
          WHERE id = ${input.id} AND status IN ('queued', 'running') ${leaseCheck}
          RETURNING id
        ), released AS (
          UPDATE usage_entries SET status = 'released', settled_at = ${now}
          WHERE generation_id IN (SELECT id FROM moved) AND status = 'held'
          RETURNING id
        )
        SELECT (SELECT count(*) FROM moved)::int AS moved`;
  return rows[0]?.moved === 1;
}

export async function getGenerationByIdempotencyKey({ userId, idempotencyKey }: { userId: string; idempotencyKey: string }): Promise<GenerationRow | null> {
  return getPrisma().generation.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } }, select: generationSelect });
}

/** SHA-256s of a generation's uploaded inputs, in upload order (Idempotency-Key replays compare them). */
export async function getInputHashes({ generationId }: { generationId: string }): Promise<string[]> {
  const rows = await getPrisma().media.findMany({ where: { generationId, role: "input" }, select: { sha256: true }, orderBy: { position: "asc" } });
  return rows.map((r) => r.sha256 ?? "");
}
