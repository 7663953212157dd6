import "server-only";
import { getPrisma } from "../client";
import type { Prisma } from "../generated/client";

/**
 * The door to media rows (the files of a generation: uploads and results). Rows are
 * written with their generation (lib/db/queries/generations.ts); reads here are scoped by
 * user, except the one signed-URL read that has no session by design.
 */
export const mediaSelect = {
  id: true,
  role: true,
  kind: true,
  mimeType: true,
  width: true,
  height: true,
  bytes: true,
  durationMs: true,
  position: true,
  generationId: true,
  storageKey: true,
  thumbKey: true,
} satisfies Prisma.MediaSelect;

export type MediaRow = Prisma.MediaGetPayload<{ select: typeof mediaSelect }>;

export interface NewMedia {
  id: string;
  role: "input" | "output";
  kind: "image" | "video";
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  durationMs?: number | null;
  storageKey: string;
  thumbKey?: string | null;
  sha256: string;
  position: number;
}

export async function getMediaForUser({ id, userId }: { id: string; userId: string }): Promise<MediaRow | null> {
  // Media of a generation deleted while it was still running is hidden with it.
  return getPrisma().media.findFirst({ where: { id, userId, OR: [{ generationId: null }, { generation: { deletedAt: null } }] }, select: mediaSelect });
}

/** Internal read for signed URLs (Pixapi fetching an input image): no user scope. */
export async function getMediaById({ id }: { id: string }): Promise<MediaRow | null> {
  return getPrisma().media.findUnique({ where: { id }, select: mediaSelect });
}
