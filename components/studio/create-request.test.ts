import { describe, expect, it } from "vitest";
import { fingerprint, nextAttempt, REPEAT_WINDOW_MS, requestInit, type GenerationSubmission } from "./create-request";

const image: GenerationSubmission = { kind: "image", params: { model: "gpt-image-2", prompt: "A fox", n: 1, size: "1024x1024", quality: "low" } };
const video = (file: File | null): GenerationSubmission => ({ kind: "video", params: { kind: "video", model: "wan", prompt: "Rain", duration: 5, size: "16:9" }, image: file });

describe("one submit, one Idempotency-Key", () => {
  it("reuses the key for the same request until one succeeded, and for a repeat just after", () => {
    const print = fingerprint(image);
    const first = nextAttempt(null, print, 0);
    expect(nextAttempt(first, print, 10_000).key).toBe(first.key); // failed or lost: same key, however late
    const created = { ...first, created: true };
    expect(nextAttempt(created, print, REPEAT_WINDOW_MS - 1).key).toBe(first.key); // a double click
    expect(nextAttempt(created, print, REPEAT_WINDOW_MS + 1).key).not.toBe(first.key); // a new take
    expect(nextAttempt(first, fingerprint({ ...image, params: { ...image.params, prompt: "A cat" } }), 1).key).not.toBe(first.key);
  });

  it("applies the same rules to videos, files included in the fingerprint", () => {
    const a = new File(["a"], "a.png", { type: "image/png", lastModified: 1 });
    const b = new File(["bb"], "b.png", { type: "image/png", lastModified: 1 });
    expect(fingerprint(video(a))).not.toBe(fingerprint(video(b)));
    expect(fingerprint(video(a))).toBe(fingerprint(video(new File(["a"], "a.png", { type: "image/png", lastModified: 1 }))));
  });
});

describe("the request on the wire", () => {
  it("sends JSON without files and multipart with them", async () => {
    const json = requestInit(image, "k1");
    expect(json.headers).toEqual({ "content-type": "application/json", "idempotency-key": "k1" });
    expect(JSON.parse(String(json.body))).toEqual({ ...image.params, kind: "image" });

    const file = new File(["x"], "start.png", { type: "image/png" });
    const multipart = requestInit(video(file), "k2");
    expect(multipart.headers).toEqual({ "idempotency-key": "k2" });
    const form = multipart.body as FormData;
    expect(form.get("kind")).toBe("video");
    expect(form.get("duration")).toBe("5");
    expect((form.get("image") as File).name).toBe("start.png");

    const edit = requestInit({ kind: "edit", params: image.params, images: [file, file] }, "k3").body as FormData;
    expect(edit.get("kind")).toBe("edit");
    expect(edit.getAll("image")).toHaveLength(2);
  });
});
