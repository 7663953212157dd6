import { createTranslator } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { formatterFor } from "@/lib/format";
import { PixapiError, toAppError } from "@/lib/pixapi/errors";
import { enforceRateLimit, enforceShareRateLimit, setRateLimiterForTests } from "@/lib/rate-limit";
import { quotaExceeded } from "@/lib/usage/budget";
import { periodAt } from "@/lib/usage/period";
import { collectionBodySchema } from "@/lib/validation/collections";
import { signUpSchema } from "@/lib/validation/auth";
import { generateRequestSchema, videoRequestSchema } from "@/lib/validation/generation";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { matchKnownMessage, readKnownArgument, rewordArguments, wordArgument } from "./known-messages";

/** What useServerText shows a reader of `locale` for a server message (the same steps, without React). */
function shown(message: string, locale: "en" | "zh-CN"): string | null {
  const messages = locale === "en" ? en : zhCN;
  const t = createTranslator({ locale, messages, namespace: "server" });
  const tBudget = createTranslator({ locale, messages, namespace: "budget" });
  const hit = matchKnownMessage(message);
  if (!hit) return null;
  const values = locale === "en" ? hit.values : rewordArguments(hit.values, (arg) => wordArgument(arg, formatterFor(locale), (kind, period) => tBudget(`${kind}.${period}`)));
  return t(`known.${hit.key}`, values as never);
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error("expected an AppError");
  return error.message;
}

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
    const image = generateRequestSchema.safeParse({ kind: "image", model: "m", prompt: "a\u0007", n: 9, size: "99x99", quality: "ultra" });
    const collection = collectionBodySchema.safeParse({ name: "" });
    const messages = [signUp, video, image, collection].flatMap((r) => r.error?.issues ?? []).map((i) => i.message);
    expect(messages.length).toBeGreaterThanOrEqual(8);
    expect(messages.filter((m) => !matchKnownMessage(m))).toEqual([]);
  });
});

describe("budget, rate-limit and upstream sentences", () => {
  afterEach(() => setRateLimiterForTests(undefined));

  it("reads back credits, waits, days and periods, and nothing it does not know", () => {
    expect(readKnownArgument("need", "1,500.5 credits")).toEqual({ kind: "credits", amount: 1500.5 });
    expect(readKnownArgument("left", "1 credit")).toEqual({ kind: "credits", amount: 1 });
    expect(readKnownArgument("wait", "a second")).toEqual({ kind: "wait", seconds: 1 });
    expect(readKnownArgument("wait", "42 seconds")).toEqual({ kind: "wait", seconds: 42 });
    expect(readKnownArgument("wait", "about 3 minutes")).toEqual({ kind: "wait", seconds: 180 });
    expect(readKnownArgument("day", "1 December 2026")).toEqual({ kind: "day", iso: "2026-12-01" });
    expect(readKnownArgument("period", "this week")).toEqual({ kind: "period", period: "week" });
    expect(readKnownArgument("per", "month")).toEqual({ kind: "per", period: "month" });
    // Unreadable or plain arguments pass through as written.
    expect(readKnownArgument("need", "lots of credits")).toBeNull();
    expect(readKnownArgument("day", "Smarch 1 2026")).toBeNull();
    expect(readKnownArgument("max", "4")).toBeNull();
  });

  it("says the budget refusals (short this period, and over the whole allowance) in Chinese with Chinese numbers and dates", () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const period = periodAt("month", now);
    const short = quotaExceeded({ allowanceMilli: 2000, spentMilli: 1500, estimateMilli: 1000, period, now }).message;
    expect(matchKnownMessage(short)?.key).toBe("quotaShort");
    expect(shown(short, "en")).toBe(short);
    expect(shown(short, "zh-CN")).toBe("这次需要 1 积分，但你本月只剩 0.5 积分。额度将于 2026年12月1日（UTC）重置。");

    const over = quotaExceeded({ allowanceMilli: 500, spentMilli: 0, estimateMilli: 1000, period, now }).message;
    expect(matchKnownMessage(over)?.key).toBe("quotaOverAllowance");
    expect(shown(over, "en")).toBe(over);
    expect(shown(over, "zh-CN")).toBe("这次需要 1 积分，超过了你每月的全部额度（0.5 积分）。请让管理员提高额度，或减少张数、缩小尺寸。");
  });

  it("says the studio's rate-limit refusals (submits, status reads, shared links) in Chinese", async () => {
    setRateLimiterForTests({ name: "memory", hit: async () => ({ allowed: false, remaining: 0, retryAfterSeconds: 42 }) });
    const submits = await refusal(() => enforceRateLimit({ userId: "u1", bucket: "submit" }));
    const reads = await refusal(() => enforceRateLimit({ userId: "u1", bucket: "read" }));
    const shares = await refusal(() => enforceShareRateLimit({ ip: "203.0.113.9" }));
    expect([submits, reads, shares].map((m) => matchKnownMessage(m)?.key)).toEqual(["rateSubmits", "rateReads", "rateShares"]);
    expect(shown(submits, "en")).toBe(submits);
    expect(shown(submits, "zh-CN")).toMatch(/^你发起生成的速度超过了工作室的限制（每分钟 \d+ 次），请在 42 秒后重试。$/);
    expect(shown(reads, "zh-CN")).toMatch(/^查询生成状态的请求太多了（每分钟 \d+ 次），请在 42 秒后重试。$/);
    expect(shown(shares, "zh-CN")).toMatch(/^你的网络访问分享链接的请求太多了（每分钟 \d+ 次），请在 42 秒后重试。$/);
  });

  it("knows every message the upstream mapping gives a user, whatever the wait", () => {
    const cases: [ConstructorParameters<typeof PixapiError>[0], string][] = [
      [{ type: "insufficient_credits", message: "x" }, "upstreamOutOfCredits"],
      [{ type: "authentication_error", message: "x" }, "upstreamKeyRejected"],
      [{ type: "configuration_error", message: "x" }, "upstreamNotConfigured"],
      [{ type: "permission_error", message: "x" }, "upstreamRefused"],
      [{ type: "rate_limit_error", message: "x" }, "upstreamBusyMoment"],
      [{ type: "rate_limit_error", message: "x", retryAfter: 1 }, "upstreamBusy"],
      [{ type: "rate_limit_error", message: "x", retryAfter: 30 }, "upstreamBusy"],
      [{ type: "rate_limit_error", message: "x", retryAfter: 600 }, "upstreamBusy"],
      [{ type: "invalid_request_error", status: 413, message: "" }, "upstreamUploadsTooLarge"],
      [{ type: "invalid_request_error", status: 400, message: "" }, "upstreamRejected"],
      [{ type: "not_found_error", message: "x" }, "upstreamNoRecord"],
      [{ type: "timeout", message: "x" }, "upstreamTimeout"],
      [{ type: "media_too_large", message: "x" }, "resultTooLarge"],
      [{ type: "invalid_response", message: "x" }, "upstreamGarbled"],
      [{ type: "server_error", message: "x" }, "upstreamDownMoment"],
      [{ type: "network_error", message: "x", retryAfter: 5 }, "upstreamDown"],
    ];
    expect(cases.map(([init]) => matchKnownMessage(toAppError(new PixapiError(init)).message)?.key)).toEqual(cases.map(([, key]) => key));
    const busy = toAppError(new PixapiError({ type: "rate_limit_error", message: "x", retryAfter: 600 })).message;
    expect(shown(busy, "zh-CN")).toBe("Pixapi 现在请求太多，请在 约 10 分钟后重试。");
    expect(shown(toAppError(new PixapiError({ type: "server_error", message: "x", retryAfter: 1 })).message, "zh-CN")).toBe("Pixapi 暂时不可用，请在 1 秒后重试。");
  });

  it("knows the other sentences a form or list can show (models, uploads, names, tokens)", () => {
    const keys = [
      ['Unknown model "dall-e-9". Pick one from the list.', "unknownModel", { model: "dall-e-9" }],
      ['The model "wan" does not support image editing.', "modelNoEdit", { model: "wan" }],
      ["Not available for video generation.", "notForVideo", {}],
      ["Use at most 4 reference images.", "atMostReferences", { max: "4" }],
      ["The field “prompt” is too long.", "fieldTooLong", { name: "prompt" }],
      ["Send at most 8 files.", "tooManyFiles", { max: "8" }],
      ["You already have a collection named “Dogs”.", "collectionExists", { name: "Dogs" }],
      ["You already have 20 API tokens. Revoke one you no longer use first.", "tooManyTokens", { max: "20" }],
      ["ada@example.com is already an administrator.", "alreadyAdmin", { email: "ada@example.com" }],
      ["The image is 9000×9000 pixels (81 MP); the limit is 40 MP.", "imagePixelsOver", { width: "9000", height: "9000", pixels: "81 MP", limit: "40 MP" }],
      ["The image is 31 MB; the limit is 20 MB.", "imageBytesOver", { size: "31 MB", limit: "20 MB" }],
      ["Unsupported image type (GIF). Upload a PNG, JPEG or WebP image.", "unsupportedImage", { detected: "GIF" }],
      ["The studio answered 418. Please try again.", "studioAnswered", { status: "418" }],
      ["Pixapi could not complete this task: Safety system rejected the prompt", "taskFailedBecause", { reason: "Safety system rejected the prompt" }],
      ["Pixapi could not complete this task.", "taskFailed", {}],
    ] as const;
    expect(keys.map(([message]) => matchKnownMessage(message))).toEqual(keys.map(([, key, values]) => ({ key, values })));
    expect(shown("You already have a collection named “Dogs”.", "zh-CN")).toBe("你已经有一个名为“Dogs”的合集了。");
  });
});
