import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { cookies, headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Providers } from "./providers";
import { THEME_COOKIE, themeBootScript, parseTheme } from "@/components/shell/theme";
import { NONCE_HEADER } from "@/lib/security/headers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: "Pixapi Studio", template: "%s · Pixapi Studio" },
    description: t("description"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  // proxy.ts's per-request CSP nonce: without it the browser would block this inline script.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  // The request's language (user row, cookie, Accept-Language: i18n/request.ts).
  const locale = await getLocale();
  return (
    <html lang={locale} className={theme === "dark" ? "dark" : undefined} data-theme-choice={theme} suppressHydrationWarning>
      <head>
        {/* Resolves "system" before first paint so dark users never see a white flash. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-dvh">
        {/* Passes the request's locale and catalog on to client components. */}
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
