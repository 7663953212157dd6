import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

import { createS3Store, createStore } from "@/lib/storage";

import { startTestS3, type TestS3 } from "../support/s3";
import { mediaStoreContract } from "./contract";

mediaStoreContract(
  "local directory",
  async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pixapi-store-"));
    return { store: createStore({ root: path.join(dir, "media") }), close: () => rm(dir, { recursive: true, force: true }) };
  },
  { signsUrls: false },
);

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.stop();
});

// Each test gets its own key prefix in the one bucket: a fresh, empty store.
mediaStoreContract(
  "S3-compatible bucket (s3rver)",
  async () => {
    const store = createS3Store({
      bucket: s3.bucket,
      prefix: `t-${randomUUID()}/media`,
      endpoint: s3.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      forcePathStyle: true,
    });
    return { store, close: async () => store.destroy() };
  },
  { signsUrls: true },
);
