import "server-only";

import path from "node:path";

import { env, type Env } from "@/lib/env";

import { createStore } from "./local-store";
import { createS3Store, parseStorageUrl } from "./s3-store";
import type { MediaStore } from "./types";

let defaultStore: MediaStore | undefined;

/**
 * The studio's store, chosen once from the environment (the only place that knows which):
 * STORAGE_URL=s3://bucket/prefix → that bucket; unset → `${DATA_DIR}/media` on the local disk.
 * Created lazily so `next build` reads no env.
 */
export function mediaStore(): MediaStore {
  defaultStore ??= storeFromEnv(env());
  return defaultStore;
}

function storeFromEnv(e: Env): MediaStore {
  if (!e.STORAGE_URL) return createStore({ root: path.resolve(e.DATA_DIR, "media") });
  return createS3Store({
    ...parseStorageUrl(e.STORAGE_URL),
    region: e.S3_REGION,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
    ...(e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } }
      : {}),
  });
}

/** Tests that change DATA_DIR call this to pick the new directory up. */
export function resetMediaStore(): void {
  defaultStore = undefined;
}

export const putObject: MediaStore["putObject"] = (input) => mediaStore().putObject(input);
export const putObjectFromFile: MediaStore["putObjectFromFile"] = (input) => mediaStore().putObjectFromFile(input);
export const openObject: MediaStore["openObject"] = (input) => mediaStore().openObject(input);
export const statObject: MediaStore["statObject"] = (input) => mediaStore().statObject(input);
export const deleteObjects: MediaStore["deleteObjects"] = (input) => mediaStore().deleteObjects(input);
export const listObjects: MediaStore["listObjects"] = (input) => mediaStore().listObjects(input);
export const signedGetUrl: MediaStore["signedGetUrl"] = (input) => mediaStore().signedGetUrl(input);
