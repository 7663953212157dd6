/**
 * `npm run emulator`: a local Pixapi on 127.0.0.1:$EMULATOR_PORT (default 4010).
 * Configuration is env only (see emulator/README.md).
 */
import { startEmulator } from "./server";

async function main(): Promise<void> {
  const emulator = await startEmulator();
  console.log(`Pixapi emulator listening on ${emulator.url} (API ${emulator.url}/v1, files in ${emulator.filesDir})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Pixapi emulator stopping (${signal})`);
    // Don't let a stuck render keep a supervisor waiting.
    setTimeout(() => process.exit(1), 5000).unref();
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("Pixapi emulator failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
