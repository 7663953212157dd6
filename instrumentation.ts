/**
 * Runs once when a studio server process starts. The backend task tracker lives here so
 * pending Pixapi tasks resume after every (re)start, with or without open browsers.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startTracker } = await import("./lib/generations/tracker");
  const { startOrphanSweeper } = await import("./lib/generations/sweep-orphan-media");
  const { installShutdownHandlers } = await import("./lib/lifecycle/shutdown");
  startTracker();
  startOrphanSweeper();
  installShutdownHandlers();
}
