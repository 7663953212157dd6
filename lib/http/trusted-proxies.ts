import { BlockList, isIP } from "node:net";

/**
 * Parsing of TRUSTED_PROXIES, shared by lib/env.ts (which checks it at start, also from
 * the start script, hence no server-only import) and lib/http/client-ip.ts.
 */
/** "::ffff:10.0.0.1" → "10.0.0.1"; "[::1]" → "::1"; anything that is not an IP → null. */
export function normalizeIp(raw: string): string | null {
  let ip = raw.trim();
  if (ip.startsWith("[") && ip.includes("]")) ip = ip.slice(1, ip.indexOf("]"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) ip = ip.slice(7);
  return isIP(ip) ? ip.toLowerCase() : null;
}

const PRESETS: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
};

/** Why a TRUSTED_PROXIES entry is unusable, or null (lib/env.ts reports it at start). */
export function trustedProxyProblem(entry: string): string | null {
  if (PRESETS[entry]) return null;
  const [ip, bits, extra] = entry.split("/");
  if (extra !== undefined || !ip || !isIP(ip)) return `"${entry}" is not an IP address, CIDR range, loopback, private or linklocal`;
  if (bits === undefined) return null;
  const max = isIP(ip) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max ? null : `"${entry}" has an invalid prefix length`;
}

export function trustedProxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries.flatMap((e) => PRESETS[e] ?? [e])) {
    const [ip = "", bits] = entry.split("/");
    const type = isIP(ip) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return list;
}
