import { describe, expect, it } from "vitest";
import { customSizeProblem, imageParamsSchema } from "./generation";

describe("image size validation", () => {
  it("accepts presets and sane custom sizes", () => {
    for (const size of ["auto", "1024x1024", "2048x2048", "1536x1024", "768X512", "4096x2048"]) {
      expect(imageParamsSchema.safeParse({ model: "m", prompt: "p", size }).success, size).toBe(true);
    }
  });
  it("explains what is wrong with a custom size", () => {
    expect(customSizeProblem(100, 1024)).toMatch(/between 256 and 4096/);
    expect(customSizeProblem(1000, 1024)).toMatch(/multiple of 16/);
    expect(customSizeProblem(4096, 256)).toMatch(/at most 3:1/);
    expect(customSizeProblem(1024, 768)).toBeNull();
    const parsed = imageParamsSchema.safeParse({ model: "m", prompt: "p", size: "big" });
    expect(parsed.success).toBe(false);
  });
  it("trims prompts and refuses empty or overlong ones", () => {
    expect(imageParamsSchema.safeParse({ model: "m", prompt: "   " }).success).toBe(false);
    expect(imageParamsSchema.safeParse({ model: "m", prompt: "x".repeat(4001) }).success).toBe(false);
    expect(imageParamsSchema.parse({ model: "m", prompt: "  a cat  " }).prompt).toBe("a cat");
  });
});
