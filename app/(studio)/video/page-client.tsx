"use client";

import { FilmIcon } from "lucide-react";
import { StudioPage, useStudioStart } from "@/components/studio/studio-page";
import { videoMedia } from "@/components/studio/video-media";
import { VideoForm } from "@/components/video/video-form";
import { DEFAULT_VIDEO_VALUES, videoValuesFrom } from "@/components/video/video-form-state";

/**
 * ?from=<mediaId> animates one of the user's images (the gallery's "Animate"): the file is
 * fetched and goes in as if uploaded. ?remix=<generationId> refills prompt and settings
 * from an earlier video, and its start image too when it had one.
 */
export function VideoPageClient({ remixId, fromMediaId }: { remixId?: string; fromMediaId?: string }) {
  const start = useStudioStart({
    remixId,
    fromMediaId,
    freshHref: "/video",
    canRemix: (g) => g.kind === "video",
    inputIds: (remixed) => {
      const id = fromMediaId ?? remixed?.inputs.find((m) => m.kind === "image")?.id;
      return id ? [id] : [];
    },
    missingHint: "It may have been deleted. You can add an image below, or start from a prompt alone.",
  });
  return (
    <StudioPage
      scope="video"
      loading={start.loading}
      loadingLabel={fromMediaId ? "Loading the image" : "Loading the video to remix"}
      form={(onCreated) => (
        <VideoForm
          key={start.formKey}
          initial={start.remixed ? videoValuesFrom(start.remixed) : DEFAULT_VIDEO_VALUES}
          initialImage={start.files[0] ?? null}
          remixed={Boolean(start.remixed)}
          notice={start.notice}
          onCreated={onCreated}
        />
      )}
      media={videoMedia}
      listLabel="Videos"
      empty={{
        icon: <FilmIcon size={24} aria-hidden />,
        title: "Your videos will appear here",
        hint: "Describe a scene, or add an image to bring to life, and press Generate video. You'll see its progress here, then play it.",
      }}
    />
  );
}
