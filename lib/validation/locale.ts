import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/** PUT /api/account/locale: one of the studio's languages, nothing else. */
export const localeBodySchema = z.strictObject({
  locale: z.enum(LOCALES, { error: `locale must be one of: ${LOCALES.join(", ")}.` }),
});
