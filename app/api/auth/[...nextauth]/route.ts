import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { unsupportedMethods } from "@/lib/http/route";

// Options are built on first request, not at import: `next build` loads this module
// without runtime secrets.
type Ctx = { params: Promise<{ nextauth: string[] }> };
const handler = (req: Request, ctx: Ctx) => NextAuth(authOptions())(req, ctx);

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = unsupportedMethods("GET, POST");
