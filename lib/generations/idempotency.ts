import "server-only";
import { getInputHashes, type GenerationRow } from "@/lib/db/queries/generations";
import { AppError } from "@/lib/errors";
import type { GenerationRequest } from "@/lib/validation/generation";
import { inspectUpload } from "@/lib/media";
import { canonicalModelId } from "@/lib/catalog";
import { sameStoredParams } from "./params";

/**
 * An Idempotency-Key names one request. Replaying it with the same body returns the first
 * generation; reusing it for a different body is a client bug that must not silently get
 * the other generation back: 422, as the IETF Idempotency-Key draft says.
 */
export async function assertSameRequest(row: GenerationRow, request: GenerationRequest, uploads: Uint8Array[]): Promise<void> {
  const same =
    row.kind === request.kind &&
    canonicalModelId(row.model) === canonicalModelId(request.model) &&
    row.prompt === request.prompt &&
    sameStoredParams(row.params, request) &&
    (await sameUploads(await getInputHashes({ generationId: row.id }), uploads));
  if (!same) {
    throw new AppError("validation_error", "This Idempotency-Key was already used for a different request. Use a new key for a new request.", {
      fields: { "idempotency-key": "Already used for a different request." },
    });
  }
}

/** Stored inputs are our re-encoding of the upload (deterministic), so compare re-encoded hashes, one decode at a time. */
async function sameUploads(stored: string[], uploads: Uint8Array[]): Promise<boolean> {
  if (stored.length !== uploads.length) return false;
  for (const [i, bytes] of uploads.entries()) {
    const inspected = await inspectUpload(bytes).catch(() => null);
    if (inspected?.sha256 !== stored[i]) return false;
  }
  return true;
}
