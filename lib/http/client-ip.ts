/**
 * The client's address as our front proxy reports it. `next start` itself sets
 * x-forwarded-for to the socket address; behind a load balancer the first hop is the
 * client. Only the first entry is used: later ones are appended by proxies we trust.
 */
export function clientIpFrom(headers: Headers | Record<string, unknown>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || "unknown";
}
