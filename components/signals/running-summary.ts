import type { GenerationListView, GenerationStatus, GenerationTileView } from "@/lib/generations/view";

/** What a cached query may hold that carries generations: one (detail) or pages of a list. */
function generationsIn(data: unknown): GenerationTileView[] {
  if (!data || typeof data !== "object") return [];
  if ("pages" in data && Array.isArray((data as { pages: unknown }).pages)) {
    return (data as { pages: GenerationListView[] }).pages.flatMap((page) => page?.items ?? []);
  }
  if ("id" in data && "status" in data && "progress" in data) return [data as GenerationTileView];
  return [];
}

/**
 * Every generation the tab knows about, newest reading wins: several queries can hold the
 * same one (a result card's detail and a gallery page); the most advanced state is kept.
 */
export function knownGenerations(datas: readonly unknown[]): Map<string, GenerationTileView> {
  const rank: Record<GenerationStatus, number> = { queued: 0, running: 1, completed: 2, failed: 2 };
  const out = new Map<string, GenerationTileView>();
  for (const data of datas) {
    for (const g of generationsIn(data)) {
      const seen = out.get(g.id);
      if (!seen || rank[g.status] > rank[seen.status] || (rank[g.status] === rank[seen.status] && g.progress > seen.progress)) out.set(g.id, g);
    }
  }
  return out;
}

export function isRunning(g: Pick<GenerationTileView, "status">): boolean {
  return g.status === "queued" || g.status === "running";
}

/**
 * What the tab title says while something runs: how many, and their mean progress as a
 * share of 1 (the catalog words it: "(1) 42% · Pixapi Studio"); null when nothing runs.
 */
export function runningSummary(generations: Iterable<GenerationTileView>): { count: number; progress: number } | null {
  const running = [...generations].filter(isRunning);
  if (running.length === 0) return null;
  const percent = Math.round(running.reduce((sum, g) => sum + Math.min(100, Math.max(0, g.progress)), 0) / running.length);
  return { count: running.length, progress: percent / 100 };
}

/** Generations that were running at the last look and have finished since. */
export function justFinished(before: ReadonlyMap<string, GenerationStatus>, now: ReadonlyMap<string, GenerationTileView>): GenerationTileView[] {
  return [...now.values()].filter((g) => !isRunning(g) && (before.get(g.id) === "queued" || before.get(g.id) === "running"));
}
