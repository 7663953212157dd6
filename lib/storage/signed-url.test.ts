import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { parseSignedFileUrl, signedFileUrl } from "@/lib/public-api/file-urls";
import { SIGNED_LINK_TTL_SECONDS, signedMediaUrl, verifyMediaLink, verifyMediaSignature } from "./signed-url";

const MEDIA = "0123456789abcdef0123456789abcdef";
const saved = { ...process.env };

function query(url: string) {
  const u = new URL(url);
  return { expires: u.searchParams.get("expires"), sig: u.searchParams.get("sig") };
}

describe("the one media-link signer", () => {
  beforeAll(() => {
    Object.assign(process.env, { MEDIA_URL_SECRET: "signer-test-secret-0123456789abcdef", NEXTAUTH_URL: "http://studio.test", PUBLIC_URL: "http://public.test" });
    resetEnvCache();
  });
  afterAll(() => {
    process.env = saved;
    resetEnvCache();
  });

  it("signs input links on PUBLIC_URL and /v1 file links on the studio's origin, each verifying for its own purpose only", () => {
    const input = signedMediaUrl({ mediaId: MEDIA });
    const file = signedFileUrl({ mediaId: MEDIA });
    expect(input.startsWith(`http://public.test/api/media/${MEDIA}/public?`)).toBe(true);
    expect(file.startsWith(`http://studio.test/v1/files/${MEDIA}?`)).toBe(true);

    expect(verifyMediaSignature({ mediaId: MEDIA, ...query(input) })).toBe(true);
    expect(parseSignedFileUrl(new URL(file))).toBe(MEDIA);
    // Same id and expiry, other purpose: refused both ways.
    expect(verifyMediaLink({ purpose: "v1-file", mediaId: MEDIA, ...query(input) })).toBe(false);
    expect(verifyMediaSignature({ mediaId: MEDIA, ...query(file) })).toBe(false);
  });

  it("refuses another id, a changed expiry, a missing signature and an expired link", () => {
    const now = Date.now();
    const { expires, sig } = query(signedMediaUrl({ mediaId: MEDIA, now }));
    expect(verifyMediaSignature({ mediaId: MEDIA.replace("0", "f"), expires, sig })).toBe(false);
    expect(verifyMediaSignature({ mediaId: MEDIA, expires: String(Number(expires) + 1), sig })).toBe(false);
    expect(verifyMediaSignature({ mediaId: MEDIA, expires, sig: null })).toBe(false);
    expect(verifyMediaSignature({ mediaId: MEDIA, expires, sig, now: now + (SIGNED_LINK_TTL_SECONDS + 2) * 1000 })).toBe(false);
    expect(verifyMediaSignature({ mediaId: MEDIA, expires, sig, now: now + (SIGNED_LINK_TTL_SECONDS - 5) * 1000 })).toBe(true);
  });
});
