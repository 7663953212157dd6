import { describe, expect, it } from "vitest";

import { objectResponse } from "./response";

function opened(bytes: string, start: number, end: number, size: number) {
  return {
    stream: new Response(bytes).body as ReadableStream<Uint8Array>,
    size,
    contentType: "video/mp4",
    start,
    end,
  };
}

describe("objectResponse", () => {
  it("answers a range request with 206 and Content-Range", async () => {
    const res = objectResponse(opened("cdef", 2, 5, 10), { partial: true });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 2-5/10");
    expect(res.headers.get("content-length")).toBe("4");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(await res.text()).toBe("cdef");
  });

  it("answers a whole-object request with 200 and no Content-Range", async () => {
    const res = objectResponse(opened("abc", 0, 2, 3), { partial: false, cacheControl: "no-store" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-range")).toBeNull();
    expect(res.headers.get("content-length")).toBe("3");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
