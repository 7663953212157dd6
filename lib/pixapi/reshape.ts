import { redactSecrets } from "./errors";
import { aliasesFor } from "@/lib/catalog";
import type { AsyncSubmitResponse, ImagesResponse, ModelsResponse, TaskResponse } from "./schemas";

/**
 * Upstream shapes become studio shapes here and only here: no Pixapi field name
 * (created_at, credits_cost, b64_json …) travels further into the app.
 */

export const TASK_STATUSES = ["submitted", "processing", "completed", "failed", "unknown"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type MediaKind = "image" | "video";

export interface TaskFailure {
  message: string;
  code?: string;
}

export interface PixapiTask {
  id: string;
  /**
   * `unknown` is a status Pixapi sent that we do not recognise. It is not terminal: the
   * tracker keeps polling it like `processing`.
   */
  status: TaskStatus;
  /** The status string exactly as Pixapi sent it, for logs. */
  upstreamStatus: string;
  /** Integer 0–100. */
  progress: number;
  /** Credits Pixapi charged; null until it says. */
  creditsCost: number | null;
  resultType: MediaKind | null;
  urls: string[];
  model: string | null;
  createdAt: Date;
  completedAt?: Date;
  error?: TaskFailure;
}

export type GeneratedImage =
  | { kind: "url"; url: string; revisedPrompt?: string }
  | { kind: "base64"; base64: string; revisedPrompt?: string };

export interface GeneratedImages {
  createdAt: Date;
  images: GeneratedImage[];
}

export type ModelCategory = "image" | "video" | "other";

export interface PixapiModel {
  id: string;
  category: ModelCategory;
  capabilities: string[];
  /** Documented aliases accepted in requests for this model (e.g. nano-banana-pro). */
  aliases: string[];
}

const KNOWN_STATUSES: Record<string, TaskStatus> = {
  submitted: "submitted",
  processing: "processing",
  completed: "completed",
  failed: "failed",
};

export function reshapeTaskStatus(status: string): TaskStatus {
  return KNOWN_STATUSES[status.trim().toLowerCase()] ?? "unknown";
}

export function isTerminalStatus(status: TaskStatus): status is "completed" | "failed" {
  return status === "completed" || status === "failed";
}

/** Unix seconds per the docs; a value that can only be milliseconds is read as such. */
export function unixToDate(value: number): Date {
  return new Date(value > 1e11 ? value : value * 1000);
}

function clampProgress(value: number | null | undefined, status: TaskStatus): number {
  if (status === "completed") return 100;
  if (value == null || !Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

function mediaKind(value: string | null | undefined): MediaKind | null {
  const v = value?.trim().toLowerCase();
  return v === "image" || v === "video" ? v : null;
}

function reshapeFailure(task: TaskResponse): TaskFailure {
  const raw = task.error;
  let message: string | undefined;
  let code: string | undefined;
  if (typeof raw === "string") message = raw;
  else if (raw) {
    message = raw.message;
    // The type ("server_error") says more than an HTTP-ish code (500).
    code = raw.type ?? (raw.code !== undefined ? String(raw.code) : undefined);
  }
  message ||= task.fail_reason ?? undefined;
  return {
    message: redactSecrets(message?.trim() || "Pixapi reported that the task failed."),
    ...(code ? { code } : {}),
  };
}

export function reshapeTask(task: TaskResponse): PixapiTask {
  const status = reshapeTaskStatus(task.status);
  const urls = (task.result?.data ?? []).flatMap((d) => (d.url ? [d.url] : []));
  return {
    id: task.id,
    status,
    upstreamStatus: task.status,
    progress: clampProgress(task.progress, status),
    creditsCost: task.credits_cost ?? null,
    resultType: mediaKind(task.result?.type),
    urls,
    model: task.model ?? null,
    createdAt: unixToDate(task.created),
    ...(task.completed != null ? { completedAt: unixToDate(task.completed) } : {}),
    ...(status === "failed" ? { error: reshapeFailure(task) } : {}),
  };
}

/** What an async submit returns, in the same shape as a polled task. */
export function reshapeSubmittedTask(submitted: AsyncSubmitResponse): PixapiTask {
  const status = reshapeTaskStatus(submitted.status);
  return {
    id: submitted.id,
    status,
    upstreamStatus: submitted.status,
    progress: clampProgress(submitted.progress, status),
    creditsCost: null,
    resultType: null,
    urls: [],
    model: submitted.model ?? null,
    createdAt: unixToDate(submitted.created_at),
  };
}

export function reshapeImages(response: ImagesResponse): GeneratedImages {
  return {
    createdAt: unixToDate(response.created),
    images: response.data.map((d): GeneratedImage => {
      const extra = d.revised_prompt ? { revisedPrompt: d.revised_prompt } : {};
      // The schema guarantees one of the two is present.
      return d.url ? { kind: "url", url: d.url, ...extra } : { kind: "base64", base64: d.b64_json ?? "", ...extra };
    }),
  };
}

function modelCategory(value: string | null | undefined): ModelCategory {
  const v = value?.trim().toLowerCase();
  return v === "image" || v === "video" ? v : "other";
}

export function reshapeModels(
  response: ModelsResponse,
  aliases?: Readonly<Record<string, string>>,
): PixapiModel[] {
  return response.data.map((m) => ({
    id: m.id,
    category: modelCategory(m.category),
    capabilities: m.capabilities ?? [],
    aliases: aliasesFor(m.id, aliases),
  }));
}
