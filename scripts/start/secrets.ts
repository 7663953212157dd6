import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const secretsSchema = z.object({ NEXTAUTH_SECRET: z.string().min(32), MEDIA_URL_SECRET: z.string().min(32) });
export type DemoSecrets = z.infer<typeof secretsSchema>;

/**
 * Demo mode must run with zero setup, yet sessions must survive a restart; so secrets are
 * generated once and kept (mode 600) under the data dir. Production never comes here: it
 * must provide its own secrets.
 */
export function loadOrCreateDemoSecrets(dataDir: string): DemoSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) {
    const parsed = secretsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data;
  }
  const secrets: DemoSecrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    MEDIA_URL_SECRET: randomBytes(32).toString("base64url"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  return secrets;
}
