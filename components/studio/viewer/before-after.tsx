"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { ReactCompareSlider, ReactCompareSliderImage } from "react-compare-slider";
import type { MediaView } from "@/lib/generations/view";

const caption = "pointer-events-none absolute top-2 z-10 rounded bg-black/60 px-2 py-0.5 text-xs font-medium text-white";

/**
 * An edit's input and output: a slider over the two from sm up (drag, or focus it and use
 * ←/→), side by side on phones, where a slider would leave each half too small to judge.
 */
export function BeforeAfter({ before, after, prompt }: { before: MediaView; after: MediaView; prompt: string }) {
  const t = useTranslations("viewer");
  const [position, setPosition] = useState(50);
  // Must keep one identity: the library's setPosition depends on this callback, and an effect
  // that re-applies defaultPosition runs whenever setPosition changes. An inline arrow made
  // every drag re-render snap the divide back to 50 %, so a mouse drag seemed to do nothing.
  const onPositionChange = useCallback((p: number) => setPosition(Math.round(p)), []);
  return (
    <>
      <div className="absolute inset-0 hidden items-center justify-center p-6 sm:flex">
        <div data-testid="before-after" data-position={position} className="relative max-h-full max-w-full" style={{ aspectRatio: `${after.width} / ${after.height}`, height: "100%" }}>
          <ReactCompareSlider
            defaultPosition={50}
            onPositionChange={onPositionChange}
            keyboardIncrement="5%"
            className="h-full w-full"
            itemOne={<ReactCompareSliderImage src={before.url} alt={t("beforeAlt")} style={{ objectFit: "contain" }} />}
            itemTwo={<ReactCompareSliderImage src={after.url} alt={t("afterAlt", { prompt })} style={{ objectFit: "contain" }} />}
          />
          <span className={`${caption} left-2`}>{t("before")}</span>
          <span className={`${caption} right-2`}>{t("after")}</span>
        </div>
      </div>
      <div className="absolute inset-0 grid grid-cols-2 content-center gap-2 p-2 sm:hidden">
        {[
          { key: "before", media: before, label: t("before"), alt: t("beforeAlt") },
          { key: "after", media: after, label: t("after"), alt: t("afterAlt", { prompt }) },
        ].map(({ key, media, label, alt }) => (
          <figure key={key} className="flex flex-col items-center gap-1">
            {/* eslint-disable-next-line @next/next/no-img-element -- the owner's own file, already sized */}
            <img src={media.url} alt={alt} width={media.width} height={media.height} className="h-auto max-h-[70dvh] w-full object-contain" />
            <figcaption className="text-xs text-zinc-300">{label}</figcaption>
          </figure>
        ))}
      </div>
    </>
  );
}
