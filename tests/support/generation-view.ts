import type { GenerationView } from "@/lib/generations/view";

/** A finished one-image generation as the API shows it, with whatever a test changes. */
export function generation(over: Partial<GenerationView> = {}): GenerationView {
  return {
    id: "gen_1",
    kind: "image",
    status: "completed",
    progress: 100,
    model: "gemini-2.5-flash-image",
    prompt: "A fox",
    params: { n: 1, size: "1024x1024", quality: "low" },
    mode: "sync",
    credits: { estimated: 0.5, cost: 0.5 },
    error: null,
    outputs: [],
    inputs: [],
    favorite: false,
    collectionIds: [],
    createdAt: "2026-01-01T00:00:00.000Z",
    startedAt: "2026-01-01T00:00:00.000Z",
    completedAt: "2026-01-01T00:00:02.000Z",
    ...over,
  };
}
