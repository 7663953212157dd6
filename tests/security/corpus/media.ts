import * as route from "@/app/api/media/[id]/route";
import * as publicRoute from "@/app/api/media/[id]/public/route";
import type { RouteTable, SecurityCase } from "../harness";
import { BAD_IDS } from "./samples";

const notFound = { status: 404, type: "not_found_error" } as const;

export const mediaTable: RouteTable = {
  file: "app/api/media/[id]/route.ts",
  route,
  path: "/api/media/[id]",
  params: (f) => ({ id: f.aliceMedia }),
  cases: [
    ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method: "GET", params: { id }, ...notFound })),
    { name: "another user's media", method: "GET", as: "bob", ...notFound },
    { name: "another user's thumbnail", method: "GET", as: "bob", path: (f) => `/api/media/${f.aliceMedia}?variant=thumb`, ...notFound },
    { name: "another user's media as a download", method: "GET", as: "bob", path: (f) => `/api/media/${f.aliceMedia}?download=1`, ...notFound },
    { name: "a generation id in place of a media id", method: "GET", params: (f) => ({ id: f.aliceGeneration }), ...notFound },
    { name: "range past the end", method: "GET", headers: { range: "bytes=999999999-" }, status: 416, type: "range_not_satisfiable" },
    { name: "empty suffix range", method: "GET", headers: { range: "bytes=-0" }, status: 416, type: "range_not_satisfiable" },
  ],
};

const signedPath = (id: string, query: string) => `/api/media/${encodeURIComponent(id)}/public?${query}`;
const forbidden = { status: 403, type: "permission_error" } as const;
const future = () => Math.floor(Date.now() / 1000) + 600;

export const publicMediaTable: RouteTable = {
  file: "app/api/media/[id]/public/route.ts",
  route: publicRoute,
  path: "/api/media/[id]/public",
  public: true,
  sessionActor: "anonymous",
  params: (f) => ({ id: f.aliceInputMedia ?? f.aliceMedia }),
  cases: [
    { name: "no signature", method: "GET", as: "anonymous", path: (f) => signedPath(f.aliceInputMedia ?? "", ""), ...forbidden },
    { name: "made-up signature", method: "GET", as: "anonymous", path: (f) => signedPath(f.aliceInputMedia ?? "", `expires=${future()}&sig=AAAA`), ...forbidden },
    { name: "expired", method: "GET", as: "anonymous", path: (f) => signedPath(f.aliceInputMedia ?? "", "expires=1&sig=AAAA"), ...forbidden },
    { name: "expiry not a number", method: "GET", as: "anonymous", path: (f) => signedPath(f.aliceInputMedia ?? "", "expires=soon&sig=AAAA"), ...forbidden },
    { name: "NUL in the signature", method: "GET", as: "anonymous", path: (f) => signedPath(f.aliceInputMedia ?? "", `expires=${future()}&sig=%00`), ...forbidden },
    { name: "session cookie does not replace a signature", method: "GET", as: "alice", path: (f) => signedPath(f.aliceInputMedia ?? "", ""), ...forbidden },
    ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method: "GET", as: "anonymous", params: { id }, path: signedPath(id, "expires=1&sig=x"), ...notFound })),
  ],
};
