import { describe, expect, it } from "vitest";
import { extensionForType, MEDIA_TYPES, typeForFileName } from "./file-types";

describe("lib/catalog file types", () => {
  it("names each stored type with its preferred extension, and back", () => {
    expect(extensionForType("image/jpeg")).toBe("jpg");
    expect(extensionForType("image/png")).toBe("png");
    expect(extensionForType("video/webm; codecs=vp9")).toBe("webm");
    expect(extensionForType("application/pdf")).toBeUndefined();
    for (const [ext, type] of Object.entries(MEDIA_TYPES)) {
      expect(MEDIA_TYPES[extensionForType(type) ?? "png"]).toBe(type);
      expect(typeForFileName(`a.${ext}`)).toBe(type);
    }
  });

  it("infers a type from a file name only for known extensions", () => {
    expect(typeForFileName("Photo.JPEG")).toBe("image/jpeg");
    expect(typeForFileName("scan.heic")).toBe("image/heic");
    expect(typeForFileName("notes.txt")).toBe("");
    expect(typeForFileName("constructor")).toBe("");
    expect(typeForFileName("x.__proto__")).toBe("");
  });
});
