import { randomUUID } from "node:crypto";
import type { FaultRuleInput } from "../../emulator/faults";

/**
 * The emulator's control API, for forcing upstream failures from a browser test (the
 * studio makes the upstream call, so the test can't add headers to it). playwright.config
 * starts the emulator on the studio's port + 10.
 */
const port = process.env.E2E_EMULATOR_PORT ?? String(Number(process.env.E2E_PORT ?? 3100) + 10);
export const EMULATOR_URL = `http://127.0.0.1:${port}`;

export type Fault = Omit<FaultRuleInput, "match"> & { promptContains: string };

/** Makes the emulator fail requests whose prompt contains `promptContains`. */
export async function injectFault({ promptContains, ...rule }: Fault): Promise<void> {
  const res = await fetch(`${EMULATOR_URL}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...rule, match: { prompt_contains: promptContains } }),
  });
  if (res.status !== 201) throw new Error(`emulator refused the fault rule (${res.status}): ${await res.text()}`);
}

/** A prompt no other test uses, so a fault rule matches only this test's requests. */
export function uniquePrompt(text: string): string {
  return `${text} (${randomUUID().slice(0, 8)})`;
}
