import { NextResponse, type NextRequest } from "next/server";

/**
 * Convenience only: a studio page requested without any session cookie is sent to sign-in
 * with the path to come back to (a layout cannot see its own URL). The real checks, with
 * the signature verified and the account re-read, are in the studio layout and in every
 * route handler.
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/generate/:path*", "/edit/:path*", "/video/:path*", "/gallery/:path*", "/usage/:path*", "/tokens/:path*", "/admin/:path*"],
};
