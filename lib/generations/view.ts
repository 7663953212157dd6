/**
 * The studio API's shapes for generations and media, as the browser sees them. Built from
 * database rows by lib/generations; no upstream (Pixapi) field or URL ever appears here.
 * Credits are plain numbers (credits, not millicredits) for display.
 */
export type GenerationKind = "image" | "edit" | "video";
export type GenerationStatus = "queued" | "running" | "completed" | "failed";

export interface MediaView {
  id: string;
  kind: "image" | "video";
  role: "input" | "output";
  mimeType: string;
  width: number;
  height: number;
  durationMs: number | null;
  bytes: number;
  /** Same-origin URLs served by /api/media/[id], owner only. */
  url: string;
  thumbUrl: string;
  downloadUrl: string;
}

export interface GenerationView {
  id: string;
  kind: GenerationKind;
  status: GenerationStatus;
  /** 0..100; 100 once completed. */
  progress: number;
  model: string;
  prompt: string;
  /** requestedModel: the alias the caller used, when it used one (`model` is always canonical). */
  params: { n?: number; size?: string; quality?: string; duration?: number; requestedModel?: string };
  mode: "sync" | "async";
  credits: { estimated: number; cost: number | null };
  error: { type: string; message: string } | null;
  outputs: MediaView[];
  inputs: MediaView[];
  /** Made through the /v1 API: the name of the personal token used. Null: made in the studio. */
  apiTokenName?: string | null;
  /** Starred by the owner. */
  favorite: boolean;
  /** The owner's collections this generation is in. */
  collectionIds: string[];
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

export interface GenerationListView {
  items: GenerationView[];
  nextCursor: string | null;
}

export interface ModelView {
  id: string;
  category: "image" | "video" | "other";
  capabilities: string[];
  aliases: string[];
}

export const TERMINAL_STATUSES: readonly GenerationStatus[] = ["completed", "failed"];
export function isTerminal(status: GenerationStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function mediaUrls(id: string): Pick<MediaView, "url" | "thumbUrl" | "downloadUrl"> {
  return { url: `/api/media/${id}`, thumbUrl: `/api/media/${id}?variant=thumb`, downloadUrl: `/api/media/${id}?download=1` };
}
