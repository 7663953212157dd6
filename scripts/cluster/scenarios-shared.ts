import { createHash } from "node:crypto";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { assert, type Checks } from "./checks";
import { StudioClient } from "./client";
import { generationRows, type ClusterContext } from "./context";

/**
 * Sessions, limits, submits, polling and media across two instances that share only
 * PostgreSQL, Redis, the bucket and the secrets.
 */
export async function sharedStateChecks(checks: Checks, ctx: ClusterContext): Promise<void> {
  const { a, b } = ctx;
  const password = "cluster-password-1";

  await checks.run("the standalone build serves pages, their scripts and the API on both instances", async () => {
    for (const inst of [a, b]) {
      const page = await fetch(`${inst.url}/sign-in`);
      const html = await page.text();
      assert(page.status === 200, `${inst.name} /sign-in: HTTP ${page.status}`);
      assert(page.headers.get("content-security-policy")?.includes("nonce-"), `${inst.name} /sign-in has no nonce CSP`);
      const script = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
      assert(script, `${inst.name} /sign-in links no script`);
      const asset = await fetch(`${inst.url}${script}`);
      await asset.arrayBuffer();
      assert(asset.status === 200, `${inst.name} ${script}: HTTP ${asset.status}`);
    }
    return "/sign-in 200 with a nonce CSP and its /_next/static scripts 200 on both (health was 200 at start)";
  });

  const signedIn = await checks.run("a client signs in on instance 1 and is signed in on instance 2", async () => {
    await ctx.client.expectJson(await ctx.client.signUp(a.url, ctx.email, password), 201, "sign-up on instance 1");
    await ctx.client.signIn(a.url, ctx.email, password);
    const usage = await ctx.client.request(b.url, "/api/usage");
    assert(usage.status === 200, `GET /api/usage on instance 2 with instance 1's cookie: HTTP ${usage.status}`);
    await usage.arrayBuffer();
    const anonymous = await new StudioClient().request(b.url, "/api/usage");
    assert(anonymous.status === 401, `without the cookie instance 2 must answer 401, got ${anonymous.status}`);
    await ctx.other.expectJson(await ctx.other.signUp(b.url, "other@cluster.test", password), 201, "second user's sign-up on instance 2");
    await ctx.other.signIn(b.url, "other@cluster.test", password);
    return "session cookie from instance 1 accepted by instance 2 (200); no cookie: 401";
  });

  await checks.run("per-IP sign-up limit is shared by both instances and ignores a forged X-Forwarded-For", async () => {
    // RATE_LIMIT_SIGNUPS_PER_HOUR=3 and two sign-ups so far; scripts/serve.mjs stamps the
    // socket address, so a made-up X-Forwarded-For is not a fresh address.
    const third = await new StudioClient().signUp(a.url, "third@cluster.test", password, { "x-forwarded-for": "203.0.113.7" });
    assert(third.status === 201, `third sign-up: HTTP ${third.status}`);
    const fourth = await new StudioClient().signUp(b.url, "fourth@cluster.test", password, { "x-forwarded-for": "198.51.100.9" });
    assert(fourth.status === 429, `fourth sign-up (other instance, forged X-Forwarded-For) must be 429, got ${fourth.status}`);
    return `sign-ups 1-3 → 201 (instances 1, 2, 1), 4th on instance 2 → 429 (counters in ${ctx.infra.redisUrl ? "Redis" : "PostgreSQL"})`;
  });

  if (!signedIn) {
    checks.skipBecause("submits spread over both instances finish, each polled through the other", "no signed-in client");
    return;
  }

  await checks.run("submits spread over both instances finish, each polled through the other", async () => {
    // One after the other, as a person clicks (they then run side by side).
    const submitted = [];
    for (let i = 0; i < 8; i++) {
      const on = i % 2 === 0 ? a : b;
      // 1024x1024 runs Pixapi's sync call in the submitting instance; 1536x1024 is an async task the tracker polls.
      const size = i % 4 < 2 ? "1024x1024" : "1536x1024";
      submitted.push({ gen: await ctx.client.submit(on.url, { kind: "image", model: "gemini-2.5-flash-image", prompt: `cluster spread ${i}`, size }), on });
    }
    const ended = await Promise.all(submitted.map(({ gen, on }) => ctx.client.waitForEnd(() => (on === a ? b.url : a.url), gen.id, 60_000)));
    const bad = ended.filter((g) => g.status !== "completed");
    assert(bad.length === 0, `not completed: ${bad.map((g) => `${g.id} ${g.status} ${g.error?.message ?? ""}`).join("; ")}`);
    ctx.spread.push(...ended);
    const modes = ended.reduce<Record<string, number>>((m, g) => ({ ...m, [g.mode]: (m[g.mode] ?? 0) + 1 }), {});
    return `8 submitted (4 per instance: ${modes.sync ?? 0} sync, ${modes.async ?? 0} async), all completed, each watched through the other instance`;
  });

  await checks.run("each pending task is polled upstream by exactly one instance per interval", async () => {
    const asyncIds = ctx.spread.filter((g) => g.mode === "async").map((g) => g.id);
    assert(asyncIds.length >= 4, `expected at least 4 async tasks from the spread check, have ${asyncIds.length}`);
    const rows = await generationRows(ctx, asyncIds);
    const stats = await ctx.infra.emulator.control.stats();
    let polls = 0;
    let minGap = Infinity;
    for (const row of rows) {
      const times = stats.pollTimes[row.upstream_task_id ?? ""] ?? [];
      // Only the lease holder's poll is recorded (reschedulePoll matches lease_owner), plus
      // the final one that completed the task: an extra upstream poll by an instance that
      // did not hold the lease would show up as one more here.
      const recorded = row.poll_attempts + row.ingest_attempts + 1;
      assert(times.length === recorded, `task ${row.upstream_task_id}: ${times.length} upstream polls, ${recorded} recorded by lease holders`);
      polls += times.length;
      for (let i = 1; i < times.length; i++) minGap = Math.min(minGap, times[i]! - times[i - 1]!);
    }
    // Informative only: the shortest legitimate gap is the first backoff (0.8 × TRACKER_POLL_MS
    // after jitter) less the time between a claim and its request, which a loaded machine
    // stretches; the count above is the exact check.
    assert(Number.isFinite(minGap) && minGap > 0, `two polls of one task arrived together (${minGap} ms apart)`);
    return `${rows.length} tasks, ${polls} upstream polls, every one by the lease holder; closest two polls of a task ${minGap} ms apart (base interval ${ctx.pollMs} ms)`;
  });

  await checks.run("media written by one instance is served by the other", async () => {
    const outputs = ctx.spread.flatMap((g) => g.outputs.map((o) => o.id));
    assert(outputs.length >= 8, `expected at least 8 outputs, have ${outputs.length}`);
    const { rows } = await ctx.infra.db.query<{ id: string; sha256: string; bytes: number }>("SELECT id, sha256, bytes FROM media WHERE id = ANY($1::text[])", [outputs]);
    const digest = new Map(rows.map((r) => [r.id, r]));
    for (const id of outputs) {
      for (const inst of [a, b]) {
        const res = await ctx.client.request(inst.url, `/api/media/${id}`);
        const body = Buffer.from(await res.arrayBuffer());
        assert(res.status === 200, `media ${id} on ${inst.name}: HTTP ${res.status}`);
        const sha = createHash("sha256").update(body).digest("hex");
        assert(sha === digest.get(id)?.sha256, `media ${id} from ${inst.name} does not match its stored sha256`);
      }
      const stranger = await ctx.other.request(b.url, `/api/media/${id}`);
      assert(stranger.status === 404, `another user's request for media ${id}: HTTP ${stranger.status}, expected 404`);
      await stranger.arrayBuffer();
    }
    // The bytes live in the shared bucket, not on either instance's disk.
    const { rows: keys } = await ctx.infra.db.query<{ storage_key: string }>("SELECT storage_key FROM media WHERE id = ANY($1::text[])", [outputs]);
    const inBucket = await bucketKeys(ctx);
    const missing = keys.filter((k) => !inBucket.some((key) => key.endsWith(k.storage_key)));
    assert(missing.length === 0, `not in the bucket: ${missing.map((k) => k.storage_key).join(", ")}`);
    return `${outputs.length} files, all objects in the s3rver bucket, served byte-identical by both instances; another user gets 404`;
  });
}

async function bucketKeys(ctx: ClusterContext): Promise<string[]> {
  const { s3 } = ctx.infra;
  // The SDK's notice about Node 22 (also in every instance's log) would only clutter the report.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
  try {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ""));
      token = page.NextContinuationToken;
    } while (token);
    return keys;
  } finally {
    client.destroy();
  }
}
