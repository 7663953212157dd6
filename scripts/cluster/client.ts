/**
 * A browser-like HTTP client for the cluster scenarios: one cookie jar, usable against any
 * instance (the session cookie is a JWT every instance verifies with the shared secret).
 */
export interface GenerationView {
  id: string;
  status: "queued" | "running" | "completed" | "failed";
  mode: "sync" | "async";
  prompt: string;
  credits: { estimated: number; cost: number | null };
  error: { type: string; message: string } | null;
  outputs: Array<{ id: string; bytes: number; mimeType: string }>;
}

export class StudioClient {
  private cookies = new Map<string, string>();

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(base: string, pathname: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    const res = await fetch(`${base}${pathname}`, { ...init, headers, body, redirect: "manual", signal: init.signal ?? AbortSignal.timeout(30_000) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq > 0) this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return res;
  }

  async expectJson<T>(res: Response, status: number, what: string): Promise<T> {
    const text = await res.text();
    if (res.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  async signUp(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(base, "/api/sign-up", { method: "POST", json: { email, password, name: "Cluster" }, headers });
  }

  /** next-auth's credentials flow, as the sign-in form posts it. */
  async signIn(base: string, email: string, password: string): Promise<void> {
    const { csrfToken } = await this.expectJson<{ csrfToken: string }>(await this.request(base, "/api/auth/csrf"), 200, "csrf");
    const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/generate`, json: "true" });
    const res = await this.request(base, "/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    await res.arrayBuffer();
    if (![...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
      throw new Error(`sign-in on ${base} set no session cookie (HTTP ${res.status})`);
    }
  }

  async submit(base: string, json: unknown): Promise<GenerationView> {
    const res = await this.request(base, "/api/generations", { method: "POST", json });
    return (await this.expectJson<{ generation: GenerationView }>(res, 202, `submit on ${base}`)).generation;
  }

  async generation(base: string, id: string): Promise<GenerationView> {
    const res = await this.request(base, `/api/generations/${id}`);
    return (await this.expectJson<{ generation: GenerationView }>(res, 200, `GET generation on ${base}`)).generation;
  }

  /** Polls `base` until the generation is completed or failed. */
  async waitForEnd(base: () => string, id: string, timeoutMs: number): Promise<GenerationView> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const gen = await this.generation(base(), id);
      if (gen.status === "completed" || gen.status === "failed") return gen;
      if (Date.now() > until) throw new Error(`generation ${id} still ${gen.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
