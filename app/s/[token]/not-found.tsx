import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** A link that was never shared, or was switched off (or its generation deleted): said plainly, in the visitor's language. */
export default async function ShareNotFound() {
  const t = await getTranslations("sharePage");
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-2 px-4 py-10 text-center">
      <h1 className="text-lg font-semibold">{t("goneTitle")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("goneBody")}</p>
      <Link href="/sign-up" className="mt-2 text-sm font-medium text-accent-700 hover:underline dark:text-accent-400">
        {t("makeYourOwn")}
      </Link>
    </main>
  );
}
