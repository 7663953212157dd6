import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/validation/auth";
import { videoRequestSchema } from "@/lib/validation/generation";
import { matchKnownMessage } from "./known-messages";

describe("known server and validation messages", () => {
  it("recognises a fixed sentence and one with arguments", () => {
    expect(matchKnownMessage("No such generation.")).toEqual({ key: "noSuchGeneration", values: {} });
    expect(matchKnownMessage("Each side must be between 256 and 4096 pixels.")).toEqual({ key: "sideRange", values: { min: "256", max: "4096" } });
    expect(matchKnownMessage("Something nobody wrote.")).toBeNull();
    // Regex characters in a message are literal: "." does not match any character.
    expect(matchKnownMessage("No such generationX")).toBeNull();
  });

  it("covers the messages the shared zod schemas produce", () => {
    const signUp = signUpSchema.safeParse({ email: "nope", password: "short" });
    const video = videoRequestSchema.safeParse({ kind: "video", model: "", prompt: "", duration: 99 });
    const messages = [...(signUp.error?.issues ?? []), ...(video.error?.issues ?? [])].map((i) => i.message);
    expect(messages.length).toBeGreaterThanOrEqual(4);
    expect(messages.filter((m) => !matchKnownMessage(m))).toEqual([]);
  });
});
