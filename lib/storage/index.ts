import "server-only";

import path from "node:path";

import { env } from "@/lib/env";

import { createStore } from "./local-store";
import type { MediaStore } from "./types";

export { createStore } from "./local-store";
export { contentTypeForKey, isValidKey, MEDIA_CONTENT_TYPES, mediaKey, type MediaExtension } from "./keys";
export { objectResponse } from "./response";
export { parseRangeHeader, resolveRange, type ByteRange, type ResolvedRange } from "./range";
export type { MediaStore, ObjectInfo, OpenedObject, PutObjectFromFileInput, PutObjectInput } from "./types";

let defaultStore: MediaStore | undefined;

/** The studio's store: `${DATA_DIR}/media`, created lazily so `next build` reads no env. */
export function mediaStore(): MediaStore {
  defaultStore ??= createStore({ root: path.resolve(env().DATA_DIR, "media") });
  return defaultStore;
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
