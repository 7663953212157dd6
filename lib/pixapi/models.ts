import { MODEL_ALIASES as DOCUMENTED_ALIASES } from "./pricing";

/**
 * Model aliases documented by Pixapi (develop guide, "Choose a model"). GET /v1/models
 * lists only canonical ids; the aliases stay valid in generation and edit requests.
 * The one table lives in pricing.ts (shared with the emulator and the browser).
 */
export const MODEL_ALIASES: Readonly<Record<string, string>> = DOCUMENTED_ALIASES;

/** The canonical id for an alias, or the id itself. */
export function canonicalModelId(id: string, aliases: Readonly<Record<string, string>> = MODEL_ALIASES): string {
  return aliases[id] ?? id;
}

/** Every alias that points at this canonical id, sorted for stable output. */
export function aliasesFor(id: string, aliases: Readonly<Record<string, string>> = MODEL_ALIASES): string[] {
  return Object.entries(aliases)
    .filter(([, canonical]) => canonical === id)
    .map(([alias]) => alias)
    .sort();
}
