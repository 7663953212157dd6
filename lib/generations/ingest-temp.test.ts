import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { makeIngestTempDir, sweepStaleIngestTemp } from "./ingest-temp";

const HOUR = 60 * 60_000;

describe("ingest scratch folders", () => {
  let dataDir: string;
  const saved = process.env.DATA_DIR;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "ingest-temp-"));
    process.env.DATA_DIR = dataDir;
    resetEnvCache();
  });
  afterEach(async () => {
    process.env.DATA_DIR = saved;
    resetEnvCache();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("does nothing when no download ever ran", async () => {
    expect(await sweepStaleIngestTemp({ graceMs: HOUR })).toEqual([]);
  });

  it("removes folders a stopped process left behind and keeps the ones still in use", async () => {
    const stale = await makeIngestTempDir();
    const fresh = await makeIngestTempDir();
    expect(path.dirname(stale)).toBe(path.join(dataDir, "tmp"));
    await writeFile(path.join(stale, "upstream-video"), Buffer.alloc(1024));
    await writeFile(path.join(fresh, "upstream-video"), Buffer.alloc(1024));
    const twoHoursAgo = new Date(Date.now() - 2 * HOUR);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    // Something that is not an ingest folder is never touched, however old.
    const other = path.join(dataDir, "tmp", "keep-me");
    await mkdir(other);
    await utimes(other, twoHoursAgo, twoHoursAgo);

    const removed = await sweepStaleIngestTemp({ graceMs: HOUR });

    expect(removed).toEqual([path.basename(stale)]);
    expect((await readdir(path.join(dataDir, "tmp"))).sort()).toEqual([path.basename(fresh), "keep-me"].sort());
  });
});
