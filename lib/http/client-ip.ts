import "server-only";
import { isIP, type BlockList } from "node:net";
import { env } from "@/lib/env";
import { normalizeIp, trustedProxyList } from "./trusted-proxies";

export { normalizeIp } from "./trusted-proxies";

/**
 * The client's address, the way Express's `trust proxy` and Rails' RemoteIp find it: the
 * hops are X-Forwarded-For's entries followed by the TCP peer, and the client is the
 * right-most hop that is not one of our TRUSTED_PROXIES. Anything left of it was written
 * by the client itself and is ignored, so a made-up X-Forwarded-For changes nothing.
 *
 * Next's route handlers never see the socket, and `next start` keeps a client's own
 * X-Forwarded-For untouched (it only fills the header in when absent). So `npm start`
 * serves through scripts/serve.mjs, which puts the socket address in `x-studio-peer`,
 * prefixed with a token only that process knows (STUDIO_PEER_TOKEN): a client cannot
 * forge it. Without that header (plain `next start` / `next dev`), the right-most
 * forwarded entry is the best there is, and it is forgeable: run the studio with npm start.
 */
export const PEER_HEADER = "x-studio-peer";

type HeaderSource = Headers | Record<string, unknown>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  if (typeof v === "string") return v;
  return Array.isArray(v) ? v.filter((x) => typeof x === "string").join(", ") : undefined;
}

let cachedList: { entries: string[]; list: BlockList } | undefined;
function trusted(): BlockList {
  const entries = env().TRUSTED_PROXIES;
  if (cachedList?.entries !== entries) cachedList = { entries, list: trustedProxyList(entries) };
  return cachedList.list;
}

function isTrusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

/** The TCP peer written by scripts/serve.mjs, or null when the header is missing or not ours. */
export function peerAddress(headers: HeaderSource, token = env().STUDIO_PEER_TOKEN): string | null {
  const value = header(headers, PEER_HEADER);
  if (!token || !value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== token) return null;
  return normalizeIp(value.slice(space + 1));
}

/**
 * The client address for per-IP limits. Returns "unknown" when nothing usable is there
 * (all such requests then share one bucket, which is the safe direction).
 */
export function clientIpFrom(headers: HeaderSource, options: { trustedList?: BlockList; peerToken?: string } = {}): string {
  const list = options.trustedList ?? trusted();
  const forwarded = (header(headers, "x-forwarded-for") ?? "").split(",").slice(-64);
  const peer = peerAddress(headers, options.peerToken ?? env().STUDIO_PEER_TOKEN);
  const hops = peer ? [...forwarded, peer] : forwarded;
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = normalizeIp(hops[i] ?? "");
    // Only a trusted proxy (or, without the peer header, the client) wrote this hop; junk
    // there means nobody knows the client: the shared "unknown" bucket.
    if (!ip) return "unknown";
    if (!isTrusted(list, ip)) return ip;
  }
  return normalizeIp(hops[0] ?? "") ?? "unknown";
}
