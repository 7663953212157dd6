import "server-only";
import { getPrisma } from "../client";
import { Prisma, type GenerationKind, type GenerationMode } from "../generated/client";
import { isUniqueViolation } from "../errors";
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

/** generationSelect without its relations: what an INSERT ... RETURNING gives back. */
const { media: _media, collectionItems: _collections, ...generationScalars } = generationSelect;
/**
 * Creates a queued generation, its input media rows and its credit hold in one
 * transaction. With an idempotency key already used by this user, nothing is written and
 * the existing generation comes back with `created: false`.
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
  /** Runs first inside the transaction (e.g. the budget check); throwing rolls everything back. */
  guard?: (tx: Prisma.TransactionClient) => Promise<void>;
}): Promise<{ generation: GenerationRow; created: boolean }> {
  const prisma = getPrisma();
  try {
    const generation = await prisma.$transaction(async (tx) => {
      await input.guard?.(tx);
      const row = await tx.generation.create({
        select: generationScalars,
        data: {
          id: input.id,
          userId: input.userId,
          kind: input.kind,
          mode: input.mode,
          model: input.model,
          prompt: input.prompt,
          params: input.params,
          idempotencyKey: input.idempotencyKey ?? null,
          estimatedMilli: input.estimatedMilli,
          apiTokenId: input.apiToken?.id ?? null,
          apiTokenName: input.apiToken?.name ?? null,
        },
      });
      const inputs = input.inputs ?? [];
      if (inputs.length) await tx.media.createMany({ data: inputs.map((m) => ({ ...m, userId: input.userId, generationId: input.id })) });
      await tx.usageEntry.create({
        select: { id: true },
        data: { userId: input.userId, generationId: input.id, model: input.model, kind: input.kind, amountMilli: input.estimatedMilli },
      });
      // The row as generationSelect would read it back, without reading it back: a new
      // generation has exactly the inputs just written and no collections yet.
      const media: GenerationRow["media"] = inputs
        .map((m) => ({ id: m.id, role: m.role, kind: m.kind, mimeType: m.mimeType, width: m.width, height: m.height, bytes: m.bytes, durationMs: m.durationMs ?? null, position: m.position, generationId: input.id, storageKey: m.storageKey, thumbKey: m.thumbKey ?? null }))
        .sort((a, b) => a.position - b.position);
      return { ...row, media, collectionItems: [] } satisfies GenerationRow;
    });
    return { generation, created: true };
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
  const { count } = await getPrisma().generation.updateMany({
    where: { id, status: "queued" },
    data: { status: "running", startedAt: new Date(), ...(lease ? { leaseOwner: lease.owner, leaseUntil: lease.until } : {}) },
  });
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
  return getPrisma().$transaction(async (tx) => {
    const now = new Date();
    const moved = await tx.generation.updateMany({
      where: { id: input.id, status: { in: ["queued", "running"] } },
      data: { status: "completed", progress: 100, costMilli: input.costMilli, completedAt: now, nextPollAt: null, leaseOwner: null, leaseUntil: null },
    });
    if (moved.count !== 1) return false;
    if (input.outputs.length) {
      await tx.media.createMany({ data: input.outputs.map((m) => ({ ...m, userId: input.userId, generationId: input.id })) });
    }
    await tx.usageEntry.updateMany({
      where: { generationId: input.id, status: "held" },
      data: { status: "settled", amountMilli: input.costMilli, source: input.source, settledAt: now },
    });
    return true;
  });
}

/**
 * queued|running → failed, releasing the hold. False if it already reached a terminal
 * status. `leaseExpiredBy`: fail only if no live lease is on the row (orphan recovery
 * must not fail a call its runner is still renewing).
 */
export async function failGeneration(input: { id: string; errorType: string; errorMessage: string; leaseExpiredBy?: Date }): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    const now = new Date();
    const moved = await tx.generation.updateMany({
      where: {
        id: input.id,
        status: { in: ["queued", "running"] },
        ...(input.leaseExpiredBy ? { OR: [{ leaseUntil: null }, { leaseUntil: { lt: input.leaseExpiredBy } }] } : {}),
      },
      data: {
        status: "failed",
        errorType: input.errorType,
        errorMessage: input.errorMessage.slice(0, 2000),
        completedAt: now,
        nextPollAt: null,
        leaseOwner: null,
        leaseUntil: null,
      },
    });
    if (moved.count !== 1) return false;
    await tx.usageEntry.updateMany({ where: { generationId: input.id, status: "held" }, data: { status: "released", settledAt: now } });
    return true;
  });
}

export async function getGenerationByIdempotencyKey({ userId, idempotencyKey }: { userId: string; idempotencyKey: string }): Promise<GenerationRow | null> {
  return getPrisma().generation.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } }, select: generationSelect });
}

/** SHA-256s of a generation's uploaded inputs, in upload order (Idempotency-Key replays compare them). */
export async function getInputHashes({ generationId }: { generationId: string }): Promise<string[]> {
  const rows = await getPrisma().media.findMany({ where: { generationId, role: "input" }, select: { sha256: true }, orderBy: { position: "asc" } });
  return rows.map((r) => r.sha256 ?? "");
}
