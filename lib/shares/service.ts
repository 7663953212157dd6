import "server-only";
import { disableShare, enableShare, getSharedGeneration, getSharedMedia, listSharesForUser } from "@/lib/db/queries/shares";
import type { MediaRow } from "@/lib/db/queries/media";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { GenerationKind } from "@/lib/generations/view";
import { isShareTokenShape, newShareToken } from "./token";
import type { ShareState, ShareView } from "./view";

/** The origin people open share links at: PUBLIC_URL, else NEXTAUTH_URL, else localhost. */
export function publicOrigin(): string {
  const e = env();
  return (e.PUBLIC_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

export function shareUrl(token: string): string {
  return `${publicOrigin()}/s/${token}`;
}

const notFound = () => new AppError("not_found_error", "No such generation.");

export async function shareGeneration(userId: string, id: string, hidePrompt: boolean): Promise<ShareState> {
  const result = await enableShare({ id, userId, hidePrompt, newToken: newShareToken });
  if (!result.ok) {
    if (result.reason === "not_found") throw notFound();
    throw new AppError("conflict_error", "Only a finished generation with a result can be shared.");
  }
  return { url: shareUrl(result.share.token), hidePrompt: result.share.hidePrompt, sharedAt: result.share.createdAt.toISOString() };
}

export async function unshareGeneration(userId: string, id: string): Promise<void> {
  if (!(await disableShare({ id, userId }))) throw notFound();
}

export async function listShares(userId: string): Promise<ShareView[]> {
  return (await listSharesForUser({ userId })).map((r) => ({
    generationId: r.generationId,
    url: shareUrl(r.token),
    hidePrompt: r.hidePrompt,
    sharedAt: r.createdAt.toISOString(),
    prompt: r.prompt,
    kind: r.kind,
    thumbUrl: r.coverId ? `/api/media/${r.coverId}?variant=thumb` : null,
  }));
}

/** What a share page shows: nothing about the owner, only this one generation's results. */
export interface PublicShare {
  token: string;
  kind: GenerationKind;
  /** Null when the owner hid it. */
  prompt: string | null;
  model: string;
  width: number;
  height: number;
  durationMs: number | null;
  createdAt: string;
  media: { id: string; kind: "image" | "video"; width: number; height: number; url: string; posterUrl: string }[];
  previewUrl: string;
}

/** Every media URL the public page uses carries the token: no other door leads to the bytes. */
export function sharedMediaPath(token: string, mediaId: string, variant?: "thumb"): string {
  return `/s/${token}/media/${mediaId}${variant ? "?variant=thumb" : ""}`;
}

/** What the public page shows, or null (the page's 404) for any token that shares nothing. */
export async function loadPublicShare(token: string): Promise<PublicShare | null> {
  if (!isShareTokenShape(token)) return null;
  const gen = await getSharedGeneration({ token });
  const first = gen?.outputs[0];
  if (!gen || !first) return null;
  return {
    token,
    kind: gen.kind,
    prompt: gen.hidePrompt ? null : gen.prompt,
    model: gen.model,
    width: first.width,
    height: first.height,
    durationMs: first.durationMs,
    createdAt: gen.createdAt.toISOString(),
    media: gen.outputs.map((m) => ({
      id: m.id,
      kind: m.kind,
      width: m.width,
      height: m.height,
      url: sharedMediaPath(token, m.id),
      posterUrl: sharedMediaPath(token, m.id, "thumb"),
    })),
    previewUrl: `/s/${token}/preview`,
  };
}

/** One output of a shared generation, by its share token; null for anything else (turned off, an input, another generation's). */
export async function sharedMedia({ token, mediaId }: { token: string; mediaId: string }): Promise<MediaRow | null> {
  return isShareTokenShape(token) ? getSharedMedia({ token, mediaId }) : null;
}
