import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { LocalDate } from "@/components/gallery/share/local-date";
import { formatterFor } from "@/lib/format";
import { DEFAULT_LOCALE, parseLocale } from "@/lib/i18n/locales";
import { loadPublicShare, publicOrigin } from "@/lib/shares/service";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from "@/lib/shares/view";
import { shareViewRefusal } from "./view-limit";

type Props = { params: Promise<{ token: string }> };

// Read on every request: a link turned off must stop working at once.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("sharePage");
  if (await shareViewRefusal()) return { title: t("tooMany"), robots: { index: false, follow: false } };
  const share = await loadPublicShare((await params).token);
  if (!share) return { title: t("goneTitle"), robots: { index: false, follow: false } };
  // In the visitor's language: a link preview is drawn for whoever pasted the link.
  const title = t("title", { kind: share.kind });
  const description = share.prompt ? share.prompt.slice(0, 200) : `${share.model} · ${share.width}×${share.height}`;
  const image = { url: share.previewUrl, width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, alt: share.prompt?.slice(0, 200) ?? title };
  return {
    metadataBase: new URL(publicOrigin()),
    title: { absolute: title },
    description,
    // Shared with whoever has the link, not with search engines.
    robots: { index: false, follow: false },
    openGraph: { type: "website", title, description, url: `/s/${share.token}`, siteName: "Pixapi Studio", images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

/** The public page of one shared generation: its results and (unless hidden) its prompt. No sign-in. */
export default async function SharePage({ params }: Props) {
  const t = await getTranslations("sharePage");
  const f = formatterFor(parseLocale(await getLocale()) ?? DEFAULT_LOCALE);
  const refusal = await shareViewRefusal();
  if (refusal) return <TooManyViews title={t("tooMany")} message={t("tooManyBody", { wait: f.formatWait(refusal.retryAfter ?? 60) })} />;
  const share = await loadPublicShare((await params).token);
  if (!share) notFound();
  const facts: [string, ReactNode][] = [
    [t("model"), share.model],
    [t("size"), `${share.width} × ${share.height}`],
    ...(share.durationMs ? ([[t("length"), f.formatDuration(Math.round(share.durationMs / 1000))]] as [string, string][]) : []),
    [t("created"), <LocalDate key="created" iso={share.createdAt} />],
  ];

  return (
    <main className="mx-auto flex min-h-dvh max-w-5xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <header className="flex items-center justify-between gap-3">
        <span className="flex items-center gap-2 text-base font-semibold">
          <span aria-hidden className="h-6 w-6 rounded-md bg-linear-to-br from-accent-500 to-fuchsia-500" />
          Pixapi Studio
        </span>
        <Link href="/sign-up" className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-400">
          {t("makeYourOwn")}
        </Link>
      </header>

      <h1 className="sr-only">{t("heading", { kind: share.kind })}</h1>

      <div className="flex flex-col items-center gap-3">
        {share.media.map((m, i) =>
          m.kind === "video" ? (
            <video
              key={m.id}
              src={m.url}
              poster={m.posterUrl}
              controls
              playsInline
              preload="metadata"
              aria-label={share.prompt ?? t("videoAlt", { index: i + 1 })}
              className="max-h-[75dvh] w-full rounded-xl bg-black"
              style={{ aspectRatio: `${m.width} / ${m.height}` }}
            />
          ) : (
            // A plain img: the bytes come from the share route, not Next's image optimizer.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              key={m.id}
              src={m.url}
              alt={share.prompt ?? t("imageAlt", { index: i + 1 })}
              width={m.width}
              height={m.height}
              className="h-auto max-h-[75dvh] w-auto max-w-full rounded-xl bg-zinc-100 object-contain dark:bg-zinc-900"
            />
          ),
        )}
      </div>

      <section aria-label={t("about")} className="grid gap-5 md:grid-cols-[minmax(0,1fr)_18rem]">
        <div>
          <h2 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t("prompt")}</h2>
          {share.prompt ? (
            <p className="mt-1.5 text-sm leading-relaxed break-words whitespace-pre-wrap">{share.prompt}</p>
          ) : (
            <p className="mt-1.5 text-sm text-zinc-500 italic dark:text-zinc-400">{t("promptHidden")}</p>
          )}
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
              <dd className="text-right">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}

/** Over the per-IP share limit: said plainly, with nothing of the share loaded. */
function TooManyViews({ title, message }: { title: string; message: string }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-2 px-4 py-10 text-center">
      <h1 className="text-lg font-semibold">{title}</h1>
      <p role="alert" className="text-sm text-zinc-600 dark:text-zinc-400">
        {message}
      </p>
    </main>
  );
}
