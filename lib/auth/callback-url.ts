/**
 * Only same-origin paths are followed after sign-in: no open redirects via ?callbackUrl=.
 * The value is resolved the way a browser would resolve it (new URL strips tabs and line
 * breaks and reads "/\t/evil.example" or "/\\evil.example" as another host), and only a
 * result on our own origin is kept, as a path. Browser-safe: the sign-in form uses it too.
 */
const PLACEHOLDER_ORIGIN = "http://studio.invalid";

export function safeCallbackUrl(value: unknown, { fallback = "/generate", origin = PLACEHOLDER_ORIGIN }: { fallback?: string; origin?: string } = {}): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const path = url.pathname;
  if (path.startsWith("/sign-in") || path.startsWith("/sign-up") || path.startsWith("/api/")) return fallback;
  return `${path}${url.search}${url.hash}`;
}
