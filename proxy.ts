import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { commonSecurityHeaders, NONCE_HEADER, newNonce, pageCsp } from "@/lib/security/headers";

/**
 * Runs before every page request (not the API, not Next's static files). Two jobs:
 *  1. Security headers, all from lib/security/headers.ts: a fresh CSP nonce per page
 *     (forwarded on the request so Next and the root layout put it on their scripts; this
 *     makes every page dynamic, which the root layout already was: it reads the theme
 *     cookie). API answers (/api, /v1) get their static data-only headers from
 *     next.config.ts instead, so a status poll takes no proxy pass.
 *  2. Convenience only: a studio page requested without any session cookie is sent to
 *     sign-in with the path to come back to. The real checks, with the signature verified
 *     and the account re-read, are in the studio layout and in every route handler.
 */
const STUDIO_PAGES = ["/generate", "/edit", "/video", "/gallery", "/usage", "/tokens", "/admin", "/shared"];

function isStudioPage(pathname: string): boolean {
  return STUDIO_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const https = request.nextUrl.protocol === "https:" || (env().NEXTAUTH_URL ?? "").startsWith("https://");
  let response: NextResponse;
  const nonce = newNonce();
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const hasSession = request.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  if (isStudioPage(pathname) && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + request.nextUrl.search)}`;
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set(NONCE_HEADER, nonce);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(commonSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: not the API (/api, /v1: headers from next.config.ts) nor Next's own static
  // files (hashed, immutable, never documents).
  matcher: ["/((?!api/|v1/|v1$|_next/static|_next/image|favicon.ico).*)"],
};
