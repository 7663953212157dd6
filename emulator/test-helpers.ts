/** Small fetch wrappers shared by the emulator's own tests (not used at runtime). */
import type { TestEmulator } from "../tests/support/emulator";

export const KEY = "test-key";

export interface ApiResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function api<T = Record<string, unknown>>(
  emu: Pick<TestEmulator, "url">,
  method: string,
  path: string,
  options: { json?: unknown; form?: FormData; key?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null) headers.authorization = `Bearer ${options.key ?? KEY}`;
  let body: string | FormData | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = typeof options.json === "string" ? options.json : JSON.stringify(options.json);
  } else if (options.form) body = options.form;
  const response = await fetch(`${emu.url}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
}

export interface TaskView {
  id: string;
  status: "submitted" | "processing" | "completed" | "failed";
  progress: number;
  credits_cost: number;
  model: string;
  created: number;
  completed?: number;
  result?: { type: "image" | "video"; data: { url: string }[] };
  error?: { code: number; message: string; type: string };
}

/** Polls until the task is terminal, recording every status seen along the way. */
export async function waitForTask(emu: Pick<TestEmulator, "url">, id: string, key = KEY, everyMs = 20): Promise<{ task: TaskView; seen: TaskView[] }> {
  const seen: TaskView[] = [];
  for (let i = 0; i < 3000; i++) {
    const { status, body } = await api<TaskView>(emu, "GET", `/v1/tasks/${id}`, { key });
    if (status !== 200) throw new Error(`poll ${id}: HTTP ${status} ${JSON.stringify(body)}`);
    seen.push(body);
    if (body.status === "completed" || body.status === "failed") return { task: body, seen };
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`task ${id} never finished`);
}

export async function download(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

export const GEN = {
  model: "gemini-3-pro-image-preview",
  prompt: "A cinematic product photo of a ceramic coffee cup",
  n: 1,
  size: "1024x1024",
};
