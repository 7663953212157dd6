import "server-only";
import { getPrisma } from "../client";
import { isUniqueViolation } from "../errors";
import { mediaSelect, type MediaRow } from "./media";

/**
 * Share links. The token is the only key to a shared generation: every public read goes
 * through it, selects nothing about the owner, and reaches only that generation's outputs.
 * Turning sharing off deletes the row, so the old token matches nothing from then on.
 */
export interface ShareRow {
  token: string;
  hidePrompt: boolean;
  createdAt: Date;
}

export type EnableShareResult = { ok: true; share: ShareRow } | { ok: false; reason: "not_found" | "not_ready" };

const shareSelect = { token: true, hidePrompt: true, createdAt: true } as const;

/**
 * Turns sharing on for one of the user's finished generations, or changes whether the
 * prompt shows. A generation already shared keeps its token, so links already sent work on.
 */
export async function enableShare(input: { id: string; userId: string; hidePrompt: boolean; newToken: () => string }): Promise<EnableShareResult> {
  const prisma = getPrisma();
  const gen = await prisma.generation.findFirst({
    where: { id: input.id, userId: input.userId, deletedAt: null },
    select: { status: true, _count: { select: { media: { where: { role: "output" } } } } },
  });
  if (!gen) return { ok: false, reason: "not_found" };
  if (gen.status !== "completed" || gen._count.media === 0) return { ok: false, reason: "not_ready" };
  const write = () =>
    prisma.share.upsert({
      where: { generationId: input.id },
      create: { generationId: input.id, userId: input.userId, token: input.newToken(), hidePrompt: input.hidePrompt },
      update: { hidePrompt: input.hidePrompt },
      select: shareSelect,
    });
  try {
    return { ok: true, share: await write() };
  } catch (error) {
    // Two "share" clicks at once: both saw no row, one created it; the other now updates it.
    if (isUniqueViolation(error)) return { ok: true, share: await write() };
    throw error;
  }
}

/**
 * Turns sharing off. False when the generation is not the user's (the route's 404); a
 * generation that was not shared is simply left unshared.
 */
export async function disableShare({ id, userId }: { id: string; userId: string }): Promise<boolean> {
  const prisma = getPrisma();
  const owned = await prisma.generation.count({ where: { id, userId, deletedAt: null } });
  if (owned !== 1) return false;
  await prisma.share.deleteMany({ where: { generationId: id, userId } });
  return true;
}

export interface SharedItemRow {
  generationId: string;
  kind: "image" | "edit" | "video";
  prompt: string;
  token: string;
  hidePrompt: boolean;
  createdAt: Date;
  coverId: string | null;
}

/** The user's shared generations, most recently shared first. */
export async function listSharesForUser({ userId }: { userId: string }): Promise<SharedItemRow[]> {
  const rows = await getPrisma().share.findMany({
    where: { userId, generation: { deletedAt: null } },
    orderBy: [{ createdAt: "desc" }, { generationId: "desc" }],
    select: {
      ...shareSelect,
      generationId: true,
      generation: { select: { kind: true, prompt: true, media: { where: { role: "output" }, orderBy: { position: "asc" }, take: 1, select: { id: true } } } },
    },
  });
  return rows.map((r) => ({
    generationId: r.generationId,
    kind: r.generation.kind,
    prompt: r.generation.prompt,
    token: r.token,
    hidePrompt: r.hidePrompt,
    createdAt: r.createdAt,
    coverId: r.generation.media[0]?.id ?? null,
  }));
}

export interface SharedGenerationRow {
  kind: "image" | "edit" | "video";
  model: string;
  prompt: string;
  hidePrompt: boolean;
  createdAt: Date;
  outputs: MediaRow[];
}

/** Where a token may lead: a live, finished generation (never one being deleted). */
const liveShare = (token: string) => ({ token, generation: { status: "completed" as const, deletedAt: null } });

/** The public view of a shared generation: no user, no inputs, nothing beyond its outputs. */
export async function getSharedGeneration({ token }: { token: string }): Promise<SharedGenerationRow | null> {
  const share = await getPrisma().share.findFirst({
    where: liveShare(token),
    select: {
      hidePrompt: true,
      generation: {
        select: { kind: true, model: true, prompt: true, createdAt: true, media: { where: { role: "output" }, orderBy: { position: "asc" }, select: mediaSelect } },
      },
    },
  });
  if (!share) return null;
  const g = share.generation;
  return { kind: g.kind, model: g.model, prompt: g.prompt, hidePrompt: share.hidePrompt, createdAt: g.createdAt, outputs: g.media };
}

/** One output of the generation this token shares; anything else (inputs, other media) is null. */
export async function getSharedMedia({ token, mediaId }: { token: string; mediaId: string }): Promise<MediaRow | null> {
  return getPrisma().media.findFirst({ where: { id: mediaId, role: "output", generation: { status: "completed", deletedAt: null, share: { is: { token } } } }, select: mediaSelect });
}
