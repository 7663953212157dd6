import "server-only";
import { env } from "@/lib/env";

/**
 * The studio's public origin, as scripts reach it: NEXTAUTH_URL (the studio's own URL),
 * else PUBLIC_URL, else localhost. Taken from configuration, never from the Host header,
 * which the caller controls.
 */
export function studioOrigin(): string {
  const e = env();
  return (e.NEXTAUTH_URL ?? e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

export function apiBaseUrl(): string {
  return `${studioOrigin()}/v1`;
}
