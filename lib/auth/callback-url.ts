/** Only same-origin paths are followed after sign-in: no open redirects via ?callbackUrl=. */
export function safeCallbackUrl(value: unknown, fallback = "/generate"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/sign-in") || value.startsWith("/sign-up") || value.startsWith("/api/")) return fallback;
  return value;
}
