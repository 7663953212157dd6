import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL cluster for the test run: initdb into a temp dir, start on a free
 * loopback port with trust auth and durability off (speed; the data is disposable).
 *
 * PostgreSQL refuses to run as root. When the tests run as root (CI containers), the
 * cluster is owned by and run as an unprivileged system user: $PG_TEST_OS_USER, else
 * "postgres" (created by Debian's postgresql packages). Commands go through `runuser`
 * (util-linux), falling back to `su`. Without such a user, create one first, e.g.
 * `useradd --system --no-create-home postgres` in .ci/run.
 */
export interface Cluster {
  url: string;
  stop: () => void;
}

function findBinDir(): string {
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return path.dirname(onPath);
  // Debian's postgresql package keeps server binaries off PATH.
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    if (existsSync(path.join(base, v, "bin", "initdb"))) return path.join(base, v, "bin");
  }
  throw new Error(
    "PostgreSQL server binaries (initdb, pg_ctl) not found. Install PostgreSQL 15 (apt-get install postgresql), " +
      "point TEST_POSTGRES_URL at a server, or set SKIP_POSTGRES_TESTS=1 to run the PGlite half only.",
  );
}

function osUserIds(name: string): { uid: number; gid: number } | null {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Runs a server binary, as the unprivileged user when we are root. */
function runAs(user: string | null, bin: string, args: string[]): void {
  let cmd = bin;
  let argv = args;
  if (user) {
    const hasRunuser = spawnSync("sh", ["-c", "command -v runuser"]).status === 0;
    if (hasRunuser) {
      cmd = "runuser";
      argv = ["-u", user, "--", bin, ...args];
    } else {
      cmd = "su";
      argv = [user, "-s", "/bin/sh", "-c", [bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")];
    }
  }
  execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"] });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startCluster(): Promise<Cluster> {
  const bin = findBinDir();
  const isRoot = process.getuid?.() === 0;
  const user = isRoot ? (process.env.PG_TEST_OS_USER ?? "postgres") : null;
  const ids = user ? osUserIds(user) : null;
  if (user && !ids) {
    throw new Error(
      `Tests run as root and PostgreSQL will not; no "${user}" OS user exists to run it. ` +
        "Create one (useradd --system --no-create-home postgres), set PG_TEST_OS_USER, or set TEST_POSTGRES_URL.",
    );
  }
  // As root, TMPDIR may point somewhere the postgres user cannot traverse (/root/...);
  // /tmp is world-traversable on every Linux.
  const base = user && existsSync("/tmp") ? "/tmp" : os.tmpdir();
  const dir = mkdtempSync(path.join(base, "pixapi-pg-"));
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  const port = await freePort();
  const pgCtl = path.join(bin, "pg_ctl");
  try {
    runAs(user, path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    const opts = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=300",
    ].join(" ");
    runAs(user, pgCtl, ["start", "-D", data, "-l", log, "-w", "-t", "60", "-o", opts]);
  } catch (error) {
    const serverLog = existsSync(log) ? readFileSync(log, "utf8") : "";
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start the test PostgreSQL cluster: ${stderr}\n${serverLog}`, { cause: error });
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        runAs(user, pgCtl, ["stop", "-D", data, "-m", "immediate", "-w"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
