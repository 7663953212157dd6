/**
 * Personal API tokens as the browser sees them, and the limits the form shows. Browser-safe:
 * no server imports (the token service is lib/api-tokens/manage.ts).
 */
export interface ApiTokenView {
  id: string;
  name: string;
  /** "psk_AbCd": enough to tell tokens apart, useless to an attacker. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
}

/** At most this many live (not revoked) tokens per user. */
export const MAX_TOKENS_PER_USER = 20;
export const TOKEN_NAME_MAX = 60;
export const EXPIRY_DAYS_MAX = 365;
/** The expiry choices the page offers (the API takes any whole number of days up to the max). */
export const EXPIRY_CHOICES = [7, 30, 90, 365] as const;
