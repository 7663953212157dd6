import "server-only";
import { randomBytes } from "node:crypto";

/** 128 random bits, base64url: 22 characters, unguessable, safe in a path. */
export function newShareToken(): string {
  return randomBytes(16).toString("base64url");
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/;

/** Anything that isn't the shape of one of our tokens shares nothing (a 404 without a query). */
export function isShareTokenShape(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}
