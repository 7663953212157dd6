import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { contentTypeForKey, isValidKey, mediaKey, resolveKeyPath } from "./keys";

describe("isValidKey", () => {
  it.each([
    "users/u1/g1/m1.png",
    "users/clx9a_b-c/gen-1/media_2.webp",
    "users/u/g/m.JPG",
    "a.mp4",
    "users/u/g/m.poster.webp",
  ])("accepts %s", (key) => {
    expect(isValidKey(key)).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["parent segment", "users/../etc/passwd.png"],
    ["leading parent", "../m.png"],
    ["dot segment", "users/./m.png"],
    ["absolute", "/etc/m.png"],
    ["trailing slash", "users/u/"],
    ["double slash", "users//m.png"],
    ["backslash", "users\\..\\m.png"],
    ["NUL", "users/m\u0000.png"],
    ["dot-file", "users/.m.png"],
    ["temp name", "users/.m.png.abc.tmp"],
    ["double dot in name", "users/m..png"],
    ["space", "users/my file.png"],
    ["unicode", "users/é.png"],
    ["percent-encoded traversal", "users/%2e%2e/m.png"],
    ["no extension", "users/u/g/m"],
    ["unknown extension", "users/u/g/m.svg"],
    ["html", "users/u/g/m.html"],
    ["too deep", "a/b/c/d/e/f/g/h/i.png"],
    ["too long", `${"a".repeat(600)}.png`],
  ])("rejects %s", (_name, key) => {
    expect(isValidKey(key)).toBe(false);
  });
});

describe("resolveKeyPath", () => {
  it("stays inside the root", () => {
    expect(resolveKeyPath("/data/media", "users/u/g/m.png")).toBe("/data/media/users/u/g/m.png");
  });

  it("throws a 400 AppError for a traversal attempt", () => {
    const attempt = () => resolveKeyPath("/data/media", "users/../../etc/passwd.png");
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(expect.objectContaining({ status: 400, type: "invalid_request_error" }));
  });
});

describe("contentTypeForKey", () => {
  it("maps extensions case-insensitively", () => {
    expect(contentTypeForKey("a/b.png")).toBe("image/png");
    expect(contentTypeForKey("a/b.JPEG")).toBe("image/jpeg");
    expect(contentTypeForKey("a/b.jpg")).toBe("image/jpeg");
    expect(contentTypeForKey("a/b.webp")).toBe("image/webp");
    expect(contentTypeForKey("a/b.mp4")).toBe("video/mp4");
    expect(contentTypeForKey("a/b.webm")).toBe("video/webm");
  });
});

describe("mediaKey", () => {
  it("builds the studio layout", () => {
    expect(mediaKey({ userId: "u1", generationId: "g1", mediaId: "m1", ext: ".PNG" })).toBe("users/u1/g1/m1.png");
  });

  it("refuses ids that would change the layout", () => {
    expect(() => mediaKey({ userId: "..", generationId: "g", mediaId: "m", ext: "png" })).toThrow(/userId/);
    expect(() => mediaKey({ userId: "u", generationId: "a/b", mediaId: "m", ext: "png" })).toThrow(/generationId/);
    expect(() => mediaKey({ userId: "u", generationId: "g", mediaId: "m.x", ext: "png" })).toThrow(/mediaId/);
    expect(() => mediaKey({ userId: "u", generationId: "g", mediaId: "m", ext: "gif" })).toThrow(/extension/);
  });
});
