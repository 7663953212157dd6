/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time by
 * function and by package (node_modules/<name>, Node's internals, the app's own chunks).
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface Share {
  name: string;
  ms: number;
  share: number;
}

function packageOf(url: string): string {
  if (!url) return "(native / idle / gc)";
  if (url.startsWith("node:")) return "node internals";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1] as string;
  if (url.includes("/.next/server/chunks/")) return "app (server chunks)";
  if (url.includes("/.next/")) return "app (.next other)";
  return url.replace(/^file:\/\//, "");
}

function top(map: Map<string, number>, totalMs: number, n: number): Share[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
}

export function summarizeProfile(file: string, n = 20): { totalMs: number; functions: Share[]; packages: Share[] } {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const perSample = totalMs / Math.max(1, profile.samples.length);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * perSample;
    if (!ms) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${lineNumber + 1}` : "";
    const fn = `${functionName || "(anonymous)"} ${where}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    const pkg = packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  return { totalMs, functions: top(byFunction, totalMs, n), packages: top(byPackage, totalMs, n) };
}
