import type { HttpAnswer, HttpClient } from "../load/driver";
import { record, type SoakStats } from "./stats";

/**
 * One simulated person's connection to the studio: their own keep-alive client and cookie
 * jar, and every answer counted. A request that gets no answer (the studio is restarting)
 * is counted apart and yields null; the caller waits and carries on, as a browser tab would.
 */
export class Session {
  private cookies = new Map<string, string>();

  constructor(
    private readonly client: HttpClient,
    private readonly stats: SoakStats,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(answer: HttpAnswer): void {
    const set = answer.headers["set-cookie"] ?? [];
    for (const line of set) {
      const pair = line.split(";")[0] ?? "";
      const i = pair.indexOf("=");
      if (i > 0) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }

  async send(method: string, path: string, init: { headers?: Record<string, string>; body?: string | Uint8Array } = {}): Promise<HttpAnswer | null> {
    try {
      const answer = await this.client.request(method, path, { headers: { cookie: this.cookieHeader(), ...init.headers }, body: init.body });
      this.keep(answer);
      record(this.stats, method, path, answer.status, answer.body);
      return answer;
    } catch {
      this.stats.connectionErrors++;
      return null;
    }
  }

  async json(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer | null> {
    return this.send(method, path, { headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  }

  /** next-auth's credentials sign-in, as the sign-in form does it (CSRF token, then the callback). */
  async signIn(email: string, password: string): Promise<boolean> {
    const csrf = await this.send("GET", "/api/auth/csrf");
    if (!csrf || csrf.status !== 200) return false;
    const { csrfToken } = JSON.parse(csrf.body.toString("utf8")) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
    const res = await this.send("POST", "/api/auth/callback/credentials", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
    return res !== null && res.status < 400 && [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }
}
