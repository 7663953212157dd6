import "server-only";
import { AppError, ERROR_TYPES, type ErrorType } from "@/lib/errors";
import type { GenerationView, ModelView } from "@/lib/generations/view";
import type { AsyncSubmitResponse, ModelsResponse, TaskResponse } from "@/lib/pixapi/schemas";
import { toPixapiError, type PixapiWireError } from "./errors";
import { signedFileUrl } from "./file-urls";

/**
 * Studio generations in Pixapi's wire shapes (typed by lib/pixapi's own response schemas,
 * which the contract tests parse them with). Task ids are ours: "task_" + the generation
 * id; every URL is a signed, time-limited link to the studio's copy.
 */
const TASK_PREFIX = "task_";

export function taskIdOf(generationId: string): string {
  return `${TASK_PREFIX}${generationId}`;
}

/** The generation id inside one of our task ids, or null for anything else. */
export function generationIdOf(taskId: string): string | null {
  const m = /^task_([a-f0-9]{32})$/.exec(taskId);
  return m ? m[1]! : null;
}

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

export type PixapiTaskStatus = "submitted" | "processing" | "completed" | "failed";

/**
 * queued, or an async task Pixapi has not started (progress 0), is "submitted"; anything
 * running after that is "processing"; terminal states keep their names.
 */
export function taskStatusOf(g: GenerationView): PixapiTaskStatus {
  if (g.status === "completed" || g.status === "failed") return g.status;
  if (g.status === "queued") return "submitted";
  return g.mode === "async" && g.progress === 0 ? "submitted" : "processing";
}

/** Why a generation failed, in Pixapi's terms (a generation that failed upstream is server_error). */
export function failureOf(g: GenerationView): PixapiWireError {
  const type = g.error?.type ?? "server_error";
  const message = g.error?.message ?? "The generation failed.";
  const known = type in ERROR_TYPES ? (type as ErrorType) : "server_error";
  return toPixapiError(new AppError(known, message));
}

/** Pixapi echoes the model as the caller named it (an alias stays an alias); the row holds the canonical id. */
const modelAsRequested = (g: GenerationView) => g.params.requestedModel ?? g.model;

export function submittedResponse(g: GenerationView): AsyncSubmitResponse {
  return { status: taskStatusOf(g), id: taskIdOf(g.id), progress: g.progress, created_at: seconds(g.createdAt), model: modelAsRequested(g) };
}

export function taskResponse(g: GenerationView): TaskResponse {
  const status = taskStatusOf(g);
  const base = {
    id: taskIdOf(g.id),
    status,
    credits_cost: status === "completed" ? (g.credits.cost ?? g.credits.estimated) : 0,
    model: modelAsRequested(g),
    progress: status === "completed" ? 100 : g.progress,
    created: seconds(g.createdAt),
  };
  if (status === "completed") {
    return {
      ...base,
      result: { type: g.kind === "video" ? "video" : "image", data: g.outputs.map((o) => ({ url: signedFileUrl({ mediaId: o.id }) })) },
      completed: seconds(g.completedAt ?? g.createdAt),
    };
  }
  if (status === "failed") {
    const f = failureOf(g);
    return { ...base, error: { code: f.status, message: f.message, type: f.type }, completed: seconds(g.completedAt ?? g.createdAt) };
  }
  return base;
}

export function modelsResponse(models: ModelView[]): ModelsResponse {
  return { object: "list", data: models.map((m) => ({ id: m.id, object: "model", category: m.category, capabilities: m.capabilities })) };
}
