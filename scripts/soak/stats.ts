/** What the soak counts while it runs (one object shared by every simulated user). */
export interface SoakStats {
  requests: number;
  statuses: Record<number, number>;
  /** Every 5xx the studio answered, as "METHOD path status" (ids elided), with a count. */
  serverErrors: Map<string, number>;
  /** Requests that got no answer at all (the studio was down for its restart). */
  connectionErrors: number;
  /** Generations the studio accepted (202), by id: the owner's index. */
  submitted: Map<string, number>;
  /** Of those, the ones whose delete the studio accepted. */
  deleted: Set<string>;
  /** Uploaded bytes (edits), and how many edits carried a ~4 MB image. */
  uploadBytes: number;
  bigUploads: number;
}

export function newStats(): SoakStats {
  return { requests: 0, statuses: {}, serverErrors: new Map(), connectionErrors: 0, submitted: new Map(), deleted: new Set(), uploadBytes: 0, bigUploads: 0 };
}

/** "/api/generations/1386f19c…" → "/api/generations/:id", so errors group by route. */
export function routeOf(method: string, path: string): string {
  const bare = path.split("?")[0] ?? path;
  return `${method} ${bare.replace(/\/[a-z0-9]{20,}/g, "/:id")}`;
}

export function record(stats: SoakStats, method: string, path: string, status: number, body: Buffer): void {
  stats.requests++;
  stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
  if (status >= 500) {
    let message = "";
    try {
      message = (JSON.parse(body.toString("utf8")) as { error?: { message?: string } }).error?.message ?? "";
    } catch {
      message = body.toString("utf8").slice(0, 80);
    }
    const key = `${routeOf(method, path)} ${status} "${message}"`;
    stats.serverErrors.set(key, (stats.serverErrors.get(key) ?? 0) + 1);
  }
}
