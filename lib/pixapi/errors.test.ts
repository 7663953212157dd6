import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { parseRetryAfter, PixapiError, redactSecrets, toAppError, typeForStatus } from "./errors";

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("7")).toBe(7);
    expect(parseRetryAfter(" 0 ")).toBe(0);
    expect(parseRetryAfter("1.2")).toBe(2);
  });

  it("reads an HTTP-date relative to now", () => {
    const now = Date.parse("Sun, 22 Nov 2026 04:00:00 GMT");
    expect(parseRetryAfter("Sun, 22 Nov 2026 04:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Sun, 22 Nov 2026 03:59:00 GMT", now)).toBe(0);
  });

  it("ignores absent or garbage values", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("")).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter("-3")).toBeUndefined();
  });
});

describe("PixapiError", () => {
  it("derives retryable from type and status", () => {
    expect(new PixapiError({ type: "rate_limit_error", status: 429, message: "x" }).retryable).toBe(true);
    expect(new PixapiError({ type: "server_error", status: 503, message: "x" }).retryable).toBe(true);
    expect(new PixapiError({ type: "network_error", message: "x" }).retryable).toBe(true);
    expect(new PixapiError({ type: "timeout", message: "x" }).retryable).toBe(true);
    expect(new PixapiError({ type: "invalid_request_error", status: 400, message: "x" }).retryable).toBe(false);
    expect(new PixapiError({ type: "insufficient_credits", status: 402, message: "x" }).retryable).toBe(false);
    expect(new PixapiError({ type: "authentication_error", status: 401, message: "x" }).retryable).toBe(false);
    expect(new PixapiError({ type: "network_error", message: "x" }).status).toBe(0);
  });

  it("maps statuses to types when the body says nothing", () => {
    expect(typeForStatus(400)).toBe("invalid_request_error");
    expect(typeForStatus(401)).toBe("authentication_error");
    expect(typeForStatus(402)).toBe("insufficient_credits");
    expect(typeForStatus(404)).toBe("not_found_error");
    expect(typeForStatus(422)).toBe("invalid_request_error");
    expect(typeForStatus(429)).toBe("rate_limit_error");
    expect(typeForStatus(502)).toBe("server_error");
  });
});

describe("redactSecrets", () => {
  it("removes the key, bearer tokens and key-shaped strings", () => {
    const key = "sk_live_abcdef123456";
    expect(redactSecrets(`bad key ${key}`, key)).toBe("bad key [redacted]");
    expect(redactSecrets("Authorization: Bearer abc.def")).toBe("Authorization: Bearer [redacted]");
    expect(redactSecrets("key sk_other_9999999 invalid")).toBe("key [redacted] invalid");
    expect(redactSecrets("nothing secret here")).toBe("nothing secret here");
  });
});

describe("toAppError", () => {
  const cases: Array<[PixapiError, { type: string; status: number; retryAfter?: number }]> = [
    [new PixapiError({ type: "insufficient_credits", status: 402, message: "no credits" }), { type: "insufficient_credits", status: 402 }],
    [new PixapiError({ type: "authentication_error", status: 401, message: "bad key" }), { type: "upstream_error", status: 502 }],
    [new PixapiError({ type: "permission_error", status: 403, message: "nope" }), { type: "upstream_error", status: 502 }],
    [new PixapiError({ type: "configuration_error", message: "PIXAPI_KEY is not set." }), { type: "upstream_error", status: 502 }],
    [
      new PixapiError({ type: "rate_limit_error", status: 429, message: "slow", retryAfter: 12 }),
      { type: "rate_limit_error", status: 429, retryAfter: 12 },
    ],
    [new PixapiError({ type: "server_error", status: 500, message: "boom" }), { type: "upstream_error", status: 502 }],
    [
      new PixapiError({ type: "server_error", status: 503, message: "busy", retryAfter: 5 }),
      { type: "upstream_error", status: 502, retryAfter: 5 },
    ],
    [new PixapiError({ type: "network_error", message: "ECONNREFUSED" }), { type: "upstream_error", status: 502 }],
    [new PixapiError({ type: "timeout", message: "slow" }), { type: "upstream_timeout", status: 504 }],
    [new PixapiError({ type: "invalid_response", status: 200, message: "shape" }), { type: "upstream_error", status: 502 }],
    [new PixapiError({ type: "not_found_error", status: 404, message: "task not found" }), { type: "not_found_error", status: 404 }],
    [new PixapiError({ type: "media_too_large", status: 200, message: "big" }), { type: "upstream_error", status: 502 }],
  ];

  it.each(cases)("maps %s", (error, expected) => {
    const app = toAppError(error);
    expect(app).toBeInstanceOf(AppError);
    expect(app.type).toBe(expected.type);
    expect(app.status).toBe(expected.status);
    expect(app.retryAfter).toBe(expected.retryAfter);
    expect(app.cause).toBe(error);
    expect(app.message.length).toBeGreaterThan(10);
  });

  it("passes the upstream message through for invalid requests", () => {
    const app = toAppError(new PixapiError({ type: "invalid_request_error", status: 400, message: "size 7x7 is not supported" }));
    expect(app).toMatchObject({ type: "invalid_request_error", status: 400, message: "size 7x7 is not supported" });
  });

  it("keeps a 413 from Pixapi a size problem", () => {
    const app = toAppError(new PixapiError({ type: "invalid_request_error", status: 413, message: "'image' is too large" }));
    expect(app).toMatchObject({ type: "payload_too_large", status: 413, message: "'image' is too large" });
  });

  it("says the studio's account is out of credits, and the studio's key was rejected", () => {
    expect(toAppError(new PixapiError({ type: "insufficient_credits", status: 402, message: "x" })).message).toMatch(
      /studio's Pixapi account is out of credits/,
    );
    const auth = toAppError(new PixapiError({ type: "authentication_error", status: 401, message: "Invalid key sk_x" }));
    expect(auth.message).toMatch(/studio's Pixapi key was rejected/);
    expect(auth.message).not.toMatch(/sk_/);
  });

  it("tells the user how long to wait on a rate limit", () => {
    const app = toAppError(new PixapiError({ type: "rate_limit_error", status: 429, message: "x", retryAfter: 30 }));
    expect(app.message).toMatch(/30 seconds/);
    expect(app.toResponse().headers.get("retry-after")).toBe("30");
  });
});
