import * as route from "@/app/api/generations/[id]/route";
import type { RouteTable, SecurityCase } from "../harness";
import { BAD_IDS, FORGED_HEADERS } from "./samples";

const notFound = { status: 404, type: "not_found_error" } as const;

export const generationByIdTable: RouteTable = {
  file: "app/api/generations/[id]/route.ts",
  route,
  path: "/api/generations/[id]",
  params: (f) => ({ id: f.aliceGeneration }),
  cases: [
    ...(["GET", "DELETE"] as const).flatMap((method): SecurityCase[] => [
      ...Object.entries(BAD_IDS).map(([what, id]): SecurityCase => ({ name: `${what} id`, method, params: { id }, ...notFound })),
      { name: "another user's generation", method, as: "bob", ...notFound },
      { name: "another user's generation, even as an admin", method, as: "admin", ...notFound },
      { name: "another user's generation with forged forwarding headers", method, as: "bob", headers: FORGED_HEADERS, ...notFound },
      { name: "a media id in place of a generation id", method, params: (f) => ({ id: f.aliceMedia }), ...notFound },
      { name: "unknown well-formed id", method, params: { id: "0".repeat(32) }, ...notFound },
    ]),
  ],
};
