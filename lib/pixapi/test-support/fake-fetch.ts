/**
 * A scripted stand-in for fetch, for the unit tests in this folder. Each call takes the
 * next handler; the last one repeats. Requests are recorded for assertions.
 */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
  redirect: RequestRedirect | undefined;
}

export type FakeHandler = (req: RecordedRequest, signal: AbortSignal | undefined) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof fetch;
  calls: RecordedRequest[];
}

export function fakeFetch(...handlers: FakeHandler[]): FakeFetch {
  const calls: RecordedRequest[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const req: RecordedRequest = {
      url: input instanceof Request ? input.url : String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: init?.body,
      redirect: init?.redirect,
    };
    calls.push(req);
    init?.signal?.throwIfAborted();
    const handler = handlers[Math.min(calls.length - 1, handlers.length - 1)];
    if (!handler) throw new Error("fakeFetch: no handler");
    return handler(req, init?.signal ?? undefined);
  };
  return { fetch: impl as typeof fetch, calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeHandler {
  return () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function text(status: number, body: string, headers: Record<string, string> = {}): FakeHandler {
  return () => new Response(body, { status, headers });
}

/** Never answers; rejects when the request's signal aborts, like real fetch. */
export const hang: FakeHandler = (_req, signal) =>
  new Promise<Response>((_resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });

/** A connection failure as undici reports it. */
export const refuse: FakeHandler = () => {
  throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
};
