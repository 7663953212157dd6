import { randomUUID } from "node:crypto";

/**
 * Ids we mint ourselves (media and generation ids go into storage keys before the row
 * exists): 32 lowercase hex characters, safe in paths and URLs, unguessable.
 */
export function newId(): string {
  return randomUUID().replaceAll("-", "");
}
