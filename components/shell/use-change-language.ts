import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { apiFetch } from "@/lib/api-fetch";
import { localeCookieString, type Locale } from "@/lib/i18n/locales";

/**
 * Switches the studio's language: signed in, it is saved on the account (and the API sets
 * the cookie); signed out, only the cookie. Then the server renders the page again in it.
 */
export function useChangeLanguage({ signedIn }: { signedIn: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  const change = useCallback(
    async (locale: Locale): Promise<boolean> => {
      setPending(true);
      setFailed(false);
      try {
        if (signedIn) {
          await apiFetch("/api/account/locale", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ locale }) });
        } else {
          document.cookie = localeCookieString(locale, window.location.protocol === "https:");
        }
        document.documentElement.lang = locale;
        router.refresh();
        return true;
      } catch {
        setFailed(true);
        return false;
      } finally {
        setPending(false);
      }
    },
    [router, signedIn],
  );

  return { change, pending, failed };
}
