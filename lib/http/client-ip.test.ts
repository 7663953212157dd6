import { describe, expect, it } from "vitest";
import { clientIpFrom, PEER_HEADER } from "./client-ip";
import { trustedProxyList, trustedProxyProblem } from "./trusted-proxies";

const TOKEN = "peer-token";
const from = (peer: string | null, forwarded?: string, trusted: string[] = []) =>
  clientIpFrom(new Headers({ ...(peer ? { [PEER_HEADER]: `${TOKEN} ${peer}` } : {}), ...(forwarded ? { "x-forwarded-for": forwarded } : {}) }), {
    trustedList: trustedProxyList(trusted),
    peerToken: TOKEN,
  });

describe("clientIpFrom", () => {
  it("uses the TCP peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(from("203.0.113.7")).toBe("203.0.113.7");
    expect(from("203.0.113.7", "1.2.3.4, 5.6.7.8")).toBe("203.0.113.7");
    expect(from("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("takes the right-most untrusted hop behind trusted proxies", () => {
    // client forged 1.1.1.1; the real client 198.51.100.9 reached our proxy 10.0.0.5.
    expect(from("10.0.0.5", "1.1.1.1, 198.51.100.9", ["10.0.0.0/8"])).toBe("198.51.100.9");
    expect(from("10.0.0.5", "1.1.1.1, 198.51.100.9, 10.0.0.4", ["private"])).toBe("198.51.100.9");
    expect(from("127.0.0.1", "198.51.100.9", ["loopback"])).toBe("198.51.100.9");
    expect(from("::1", "2001:db8::1", ["loopback"])).toBe("2001:db8::1");
  });

  it("does not believe X-Forwarded-For from an untrusted peer", () => {
    expect(from("203.0.113.7", "198.51.100.9", ["10.0.0.0/8"])).toBe("203.0.113.7");
  });

  it("falls back to the left-most hop when every hop is trusted, and to 'unknown' for junk", () => {
    expect(from("10.0.0.5", "10.0.0.1", ["10.0.0.0/8"])).toBe("10.0.0.1");
    expect(from("10.0.0.5", "not-an-ip", ["10.0.0.0/8"])).toBe("unknown");
    expect(from(null, "x".repeat(5000))).toBe("unknown");
  });

  it("ignores a peer header without our token (a client forging it)", () => {
    const headers = new Headers({ [PEER_HEADER]: "guess 1.2.3.4", "x-forwarded-for": "5.6.7.8" });
    expect(clientIpFrom(headers, { trustedList: trustedProxyList([]), peerToken: TOKEN })).toBe("5.6.7.8");
  });
});

describe("TRUSTED_PROXIES entries", () => {
  it("accepts IPs, CIDRs and presets, refuses anything else", () => {
    for (const ok of ["10.0.0.1", "10.0.0.0/8", "2001:db8::/32", "loopback", "private", "linklocal"]) expect(trustedProxyProblem(ok)).toBeNull();
    for (const bad of ["10.0.0.0/33", "example.com", "10.0.0.0/8/1", "*"]) expect(trustedProxyProblem(bad)).not.toBeNull();
  });
});
