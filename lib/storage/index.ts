import "server-only";

/**
 * The studio's media files: where bytes live (local directory or an S3-compatible bucket,
 * behind the MediaStore interface; default-store.ts picks one from the environment), their
 * keys, and how they are served over HTTP (ranges, presigned redirects, signed URLs for
 * Pixapi). Decoding and transcoding live in lib/media; media rows in
 * lib/db/queries/media.ts (read here only to serve them).
 */
export {
  deleteObjects,
  listObjects,
  mediaStore,
  openObject,
  putObject,
  putObjectFromFile,
  resetMediaStore,
  signedGetUrl,
  statObject,
} from "./default-store";
export { createStore } from "./local-store";
export { createS3Store, parseStorageUrl, type S3Store, type S3StoreConfig } from "./s3-store";
export { contentTypeForKey, isValidKey, mediaKey } from "./keys";
export { objectResponse } from "./response";
export { parseRangeHeader, resolveRange, type ByteRange, type ResolvedRange } from "./range";
export { serveMedia, serveSignedInput, serveUserMedia, type ServableMedia } from "./serve-media";
export { signedMediaUrl, verifyMediaSignature } from "./signed-url";
export type { MediaStore, ObjectInfo, OpenedObject, PutObjectFromFileInput, PutObjectInput, SignedGetInput } from "./types";
