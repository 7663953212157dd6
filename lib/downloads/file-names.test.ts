import { describe, expect, it } from "vitest";
import { PROMPT_PART_MAX, promptWords, zipEntryName, zipFileName } from "./file-names";

const at = new Date("2026-11-30T23:59:59.000Z");

describe("zip entry names", () => {
  it("reads date_prompt-words_id.ext, in UTC", () => {
    expect(zipEntryName({ createdAt: at, prompt: "A lighthouse at dawn, watercolor!", id: "cm1abc", mimeType: "image/png" })).toBe("2026-11-30_a-lighthouse-at-dawn-watercolor_cm1abc.png");
    expect(zipEntryName({ createdAt: at, prompt: "Waves", id: "v1", mimeType: "video/mp4" })).toBe("2026-11-30_waves_v1.mp4");
  });

  it("numbers the outputs of a multi-image generation", () => {
    expect(zipEntryName({ createdAt: at, prompt: "Two boats", id: "g1", mimeType: "image/webp", index: 1, count: 2 })).toBe("2026-11-30_two-boats_g1-2.webp");
  });

  it("keeps no path separator, dot, control or bidi character of the prompt", () => {
    const name = zipEntryName({ createdAt: at, prompt: "../../etc/passwd\u0000 C:\\evil\u202E gnp.exe\r\n", id: "g/../x", mimeType: "image/png" });
    expect(name).toBe("2026-11-30_etc-passwd-c-evil-gnp-exe_gx.png");
    expect(name).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e]|\.\./);
  });

  it("keeps letters of any script and bounds the length", () => {
    expect(promptWords("一只猫 在 屋顶上")).toBe("一只猫-在-屋顶上");
    expect(promptWords("Café crème")).toBe("café-crème");
    expect([...promptWords("x".repeat(500))].length).toBe(PROMPT_PART_MAX);
    expect(promptWords("one two three four five six seven eight")).toBe("one-two-three-four-five-six");
    expect([...promptWords(`${"a".repeat(40)} ${"b".repeat(40)}`)]).toHaveLength(40);
  });

  it("names a prompt with no letters 'untitled' and an unknown type .bin", () => {
    expect(zipEntryName({ createdAt: at, prompt: "!!! ???", id: "g1", mimeType: "application/x-what" })).toBe("2026-11-30_untitled_g1.bin");
  });

  it("names the zip by date and count", () => {
    expect(zipFileName(at, 3)).toBe("pixapi-2026-11-30-3-items.zip");
    expect(zipFileName(at, 1)).toBe("pixapi-2026-11-30-1-item.zip");
  });
});
