import type { HttpClient } from "../load/driver";
import type { RunningStudio } from "../load/studio";

/** How much `npm run bench` does: the full run, or `--quick` while developing. */
export interface BenchSize {
  users: number;
  /** Measured requests per user for each read. */
  rounds: number;
  /** Measured submits per user (under RATE_LIMIT_SUBMITS_PER_MINUTE, which the bench raises). */
  submitRounds: number;
  /** Submits per user before the measured ones, so the submit path is compiled as in a server that has been serving a while. */
  submitWarmRounds: number;
  galleryRows: number;
  galleryOwnerEvery: number;
  /** Requests per gallery query, one at a time. */
  galleryRequests: number;
  thumbnails: number;
}

export const FULL: BenchSize = { users: 32, rounds: 40, submitRounds: 8, submitWarmRounds: 16, galleryRows: 1_000_000, galleryOwnerEvery: 10, galleryRequests: 200, thumbnails: 24 };
export const QUICK: BenchSize = { users: 32, rounds: 10, submitRounds: 3, submitWarmRounds: 8, galleryRows: 50_000, galleryOwnerEvery: 10, galleryRequests: 40, thumbnails: 6 };

/** One running studio and what the phases need to drive it. */
export interface StudioUnderTest {
  on: "PGlite" | "PostgreSQL";
  studio: RunningStudio;
  api: HttpClient;
  emulator: HttpClient;
  /** Session cookie of load user n is cookies[n - 1]. */
  cookies: string[];
  galleryCookie: string;
  /** A cursor deep in the gallery user's list (90 % down). */
  deepCursor: string;
  size: BenchSize;
}

export const EMULATOR_KEY = { authorization: "Bearer sk_bench_direct", "content-type": "application/json" };
