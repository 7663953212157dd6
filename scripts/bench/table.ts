/**
 * The one table `npm run bench` prints: every figure beside the baseline it is compared
 * with in the same run, the ratio, the target and whether it was met. Markdown, so the
 * README can carry the last table as printed.
 */
export interface Row {
  /** Which studio the figure comes from ("PGlite", "PostgreSQL", "build"). */
  on: string;
  what: string;
  figure: string;
  baseline: string;
  /** figure ÷ baseline (the number the target speaks of), or null where none applies. */
  ratio: number | null;
  target: string;
  /** null: reported, no target. */
  ok: boolean | null;
}

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function formatTable(rows: readonly Row[]): string {
  const head = ["on", "measure", "figure", "baseline (same run)", "ratio", "target", ""];
  const body = rows.map((r) => [r.on, r.what, r.figure, r.baseline, r.ratio === null ? "" : `${r.ratio.toFixed(2)} ×`, r.target, r.ok === null ? "" : r.ok ? "ok" : "MISSED"]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}
