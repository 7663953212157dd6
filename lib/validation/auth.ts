import { z } from "zod";
import { safeText } from "./safe-text";

/**
 * Zod schemas for sign-up and sign-in, shared by the browser forms and the server.
 * Emails are normalised (trimmed, lowercased) here and again in lib/db/queries/users.ts,
 * so "Ann@X.io " and "ann@x.io" are one account and one sign-in throttle key.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

const emailField = safeText({ max: 254, required: "Enter your email address.", tooLong: "That email address is too long." })
  .transform(normalizeEmail)
  .pipe(z.string().min(1, "Enter your email address.").max(254, "That email address is too long.").pipe(z.email("Enter a valid email address.")));

export const signUpSchema = z.object({
  email: emailField,
  password: z
    .string({ error: "Choose a password." })
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
  name: safeText({ max: 100 })
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const signInSchema = z.object({
  email: emailField,
  // No minimum here: accounts keep working if the sign-up rule ever changes.
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX, "Incorrect email or password."),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
