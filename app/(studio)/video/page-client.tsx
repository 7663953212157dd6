"use client";

import { FilmIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { StudioStartParams } from "@/components/studio/start-params";
import { StudioPage } from "@/components/studio/studio-page";
import { videoMedia } from "@/components/studio/video-media";
import { VideoForm } from "@/components/video/video-form";

/**
 * ?from=<mediaId> animates one of the user's images (the gallery's "Animate"): the file is
 * fetched and goes in as if uploaded. ?remix=<generationId> refills prompt and settings
 * from an earlier video, and its start image too when it had one.
 */
export function VideoPageClient({ remixId, fromMediaId }: StudioStartParams) {
  const t = useTranslations("video");
  return (
    <StudioPage
      scope="video"
      start={{
        remixId,
        fromMediaId,
        canRemix: (g) => g.kind === "video",
        inputIds: (remixed) => {
          const id = fromMediaId ?? remixed?.inputs.find((m) => m.kind === "image")?.id;
          return id ? [id] : [];
        },
        missingHint: t("missingHint"),
      }}
      form={VideoForm}
      media={videoMedia}
      listLabel={t("listLabel")}
      empty={{
        icon: FilmIcon,
        title: t("empty.title"),
        hint: t("empty.hint"),
      }}
    />
  );
}
