import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Ctx } from "./context";
import { Hang } from "./context";
import * as control from "./control";
import { ApiError, methodNotAllowed, notFound, serverError, unauthorized } from "./errors";
import { sendError, sendJson, sleep } from "./http";
import { getTask, listModels, submitVideo } from "./handle-media";
import { imageHandler } from "./handle-images";

/** `api` routes need a Bearer key; `public` ones (files, health) and `control` ones don't. */
type Access = "api" | "public" | "control";

interface Route {
  method: string;
  pattern: string;
  access: Access;
  handler: (ctx: Ctx) => Promise<void>;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
  label: string;
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { ...route, regex: new RegExp(`^${source}$`), names, label: `${route.method} ${route.pattern}` };
}

const serveFile = async (ctx: Ctx) => {
  await ctx.faults(undefined);
  ctx.app.files.serve(ctx.req, ctx.res, ctx.params.name!);
};

export function buildRoutes(withControl: boolean): CompiledRoute[] {
  const routes: Route[] = [
    { method: "GET", pattern: "/v1/models", access: "api", handler: listModels },
    { method: "POST", pattern: "/v1/images/generations", access: "api", handler: imageHandler({ edit: false, async: false }) },
    { method: "POST", pattern: "/v1/images/edits", access: "api", handler: imageHandler({ edit: true, async: false }) },
    { method: "POST", pattern: "/v1/async/images/generations", access: "api", handler: imageHandler({ edit: false, async: true }) },
    { method: "POST", pattern: "/v1/async/images/edits", access: "api", handler: imageHandler({ edit: true, async: true }) },
    { method: "POST", pattern: "/v1/async/videos/generations", access: "api", handler: submitVideo },
    { method: "GET", pattern: "/v1/tasks/:id", access: "api", handler: getTask },
    { method: "GET", pattern: "/files/:name", access: "public", handler: serveFile },
    { method: "HEAD", pattern: "/files/:name", access: "public", handler: serveFile },
    { method: "GET", pattern: "/healthz", access: "public", handler: async (ctx) => sendJson(ctx.res, 200, { ok: true }) },
  ];
  if (withControl) {
    routes.push(
      { method: "POST", pattern: "/_emulator/faults", access: "control", handler: control.addFault },
      { method: "GET", pattern: "/_emulator/faults", access: "control", handler: control.listFaults },
      { method: "DELETE", pattern: "/_emulator/faults", access: "control", handler: control.clearFaults },
      { method: "DELETE", pattern: "/_emulator/faults/:id", access: "control", handler: control.deleteFault },
      { method: "GET", pattern: "/_emulator/accounts/:key", access: "control", handler: control.getAccount },
      { method: "PUT", pattern: "/_emulator/accounts/:key", access: "control", handler: control.putAccount },
      { method: "GET", pattern: "/_emulator/stats", access: "control", handler: control.getStats },
      { method: "POST", pattern: "/_emulator/reset", access: "control", handler: control.reset },
    );
  }
  return routes.map(compile);
}

/** The Bearer key, or a 401 explaining what's wrong with the Authorization header. */
function authenticate(req: IncomingMessage, allowed: string[]): string {
  const header = req.headers.authorization;
  if (!header) throw unauthorized("Missing API key: send 'Authorization: Bearer <key>'.");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized("Malformed Authorization header: expected 'Bearer <key>'.");
  const key = match[1]!;
  if (allowed.length > 0 && !allowed.includes(key)) throw unauthorized("Invalid API key.");
  return key;
}

export function createDispatcher(app: App) {
  const routes = buildRoutes(app.config.control);

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    const method = req.method ?? "GET";
    const aborter = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) aborter.abort();
    });

    try {
      const onPath = routes.filter((r) => r.regex.test(url.pathname));
      if (onPath.length === 0) {
        app.stats.countRoute("unmatched");
        throw notFound(`Unknown route: ${method} ${url.pathname}`);
      }
      const route = onPath.find((r) => r.method === method);
      if (!route) {
        app.stats.countRoute(`${method} ${onPath[0]!.pattern}`);
        throw methodNotAllowed([...new Set(onPath.map((r) => r.method))]);
      }
      app.stats.countRoute(route.label);
      const values = route.regex.exec(url.pathname)!.slice(1);
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(values[i]!)]));
      } catch {
        throw notFound(`Malformed path: ${url.pathname}`);
      }
      const key = route.access === "api" ? authenticate(req, app.config.keys) : "";

      const ctx: Ctx = {
        app,
        req,
        res,
        url,
        params,
        label: route.label,
        key,
        signal: aborter.signal,
        faults: async (prompt, asyncSubmit = false) => {
          const decision = app.faults.decide({ label: route.label, path: url.pathname, key: key || undefined, prompt, headers: req.headers, asyncSubmit });
          await sleep(decision.latencyMs, aborter.signal);
          const outcome = decision.outcome;
          if (outcome?.kind === "error") throw outcome.error;
          if (outcome?.kind === "hang") throw new Hang();
          if (outcome?.kind === "task_fail") return { taskFailure: { message: outcome.message } };
          const random = asyncSubmit && app.config.taskFailRate > 0 && Math.random() < app.config.taskFailRate;
          return { taskFailure: random ? { message: undefined } : undefined };
        },
      };
      await route.handler(ctx);
    } catch (error) {
      if (error instanceof Hang) {
        // Left open on purpose; the client's timeout (or server close) ends it. Drain any body.
        req.resume();
        return;
      }
      if (error instanceof ApiError) {
        sendError(res, error, req);
        return;
      }
      console.error("[emulator] unexpected error:", error);
      sendError(res, serverError(500, "The emulator hit an unexpected error."), req);
    }
  };
}
