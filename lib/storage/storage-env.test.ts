import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { parseStorageUrl } from "./s3-store";

describe("storage settings", () => {
  it("keeps the local directory and streaming when nothing is set", () => {
    const env = parseEnv({});
    expect(env.STORAGE_URL).toBeUndefined();
    expect(env.MEDIA_REDIRECT).toBe("stream");
    expect(env.MEDIA_ORPHAN_GRACE_MINUTES).toBe(60);
  });

  it("reads an S3 bucket, prefix and MinIO-style settings", () => {
    const env = parseEnv({
      STORAGE_URL: "s3://studio-media/prod/v1",
      S3_ENDPOINT: "http://minio:9000",
      S3_ACCESS_KEY_ID: "a",
      S3_SECRET_ACCESS_KEY: "b",
      S3_FORCE_PATH_STYLE: "true",
      MEDIA_REDIRECT: "presigned",
    });
    expect(env.S3_FORCE_PATH_STYLE).toBe(true);
    expect(parseStorageUrl(env.STORAGE_URL as string)).toEqual({ bucket: "studio-media", prefix: "prod/v1" });
    expect(parseStorageUrl("s3://bucket")).toEqual({ bucket: "bucket", prefix: "" });
    expect(parseStorageUrl("s3://bucket/p/")).toEqual({ bucket: "bucket", prefix: "p" });
  });

  it.each([
    [{ STORAGE_URL: "/var/media" }, /STORAGE_URL must look like s3:\/\/bucket/],
    [{ STORAGE_URL: "s3://Bad_Bucket" }, /STORAGE_URL/],
    [{ STORAGE_URL: "s3://b-1/../x y" }, /STORAGE_URL/],
    [{ S3_ENDPOINT: "minio:9000" }, /S3_ENDPOINT must be an http\(s\) URL/],
    [{ MEDIA_REDIRECT: "cdn" }, /MEDIA_REDIRECT/],
    [{ STORAGE_URL: "s3://bucket", S3_ACCESS_KEY_ID: "only-one" }, /go together/],
    [{ MEDIA_REDIRECT: "presigned" }, /needs object storage/],
  ])("refuses %o with a message naming the setting", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });
});
