import { encode } from "next-auth/jwt";

/**
 * A session cookie for `userId`, minted with the server's secret the way next-auth does at
 * sign-in (the studio reads `uid` from the JWT, then the user row): the bench measures
 * reads, not 32 password hashes.
 */
export async function sessionCookie(userId: string, secret: string): Promise<string> {
  const token = await encode({ token: { uid: userId, sub: userId }, secret });
  return `next-auth.session-token=${token}`;
}
