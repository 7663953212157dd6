"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchMediaFile } from "@/components/edit/media-file";
import { FormSkeleton } from "@/components/generations/form-skeleton";
import { RemixNotice } from "@/components/generations/remix-notice";
import { StudioColumns } from "@/components/generations/studio-columns";
import { useGeneration } from "@/components/generations/use-generation";
import { Alert } from "@/components/ui/alert";
import { useVideoResults } from "@/components/video/use-video-results";
import { VideoForm } from "@/components/video/video-form";
import { DEFAULT_VIDEO_VALUES, videoValuesFrom } from "@/components/video/video-form-state";
import { VideoResults } from "@/components/video/video-results";
import { queryKeys } from "@/lib/query-keys";

/**
 * ?from=<mediaId> animates one of the user's images (the gallery's "Animate"): the file is
 * fetched and goes in as if uploaded. ?remix=<generationId> refills prompt and settings
 * from an earlier video, and its start image too when it had one.
 */
export function VideoPageClient({ remixId, fromMediaId }: { remixId?: string; fromMediaId?: string }) {
  const results = useVideoResults();
  const remix = useGeneration(remixId);
  const remixed = remix.data?.kind === "video" ? remix.data : undefined;
  const startMediaId = fromMediaId ?? remixed?.inputs.find((m) => m.kind === "image")?.id;
  const start = useQuery({
    queryKey: queryKeys.media.file(startMediaId ?? ""),
    queryFn: ({ signal }) => fetchMediaFile(startMediaId ?? "", signal),
    enabled: Boolean(startMediaId),
    staleTime: Infinity,
  });

  const loading = (remixId !== undefined && remix.isPending) || (startMediaId !== undefined && start.isPending);

  let notice = null;
  if (remixId) notice = <RemixNotice loaded={Boolean(remixed)} freshHref="/video" />;
  else if (fromMediaId && start.isError) {
    notice = (
      <Alert title="Couldn't load that image">
        <p>It may have been deleted. You can add an image below, or start from a prompt alone.</p>
      </Alert>
    );
  }

  const form = loading ? (
    <FormSkeleton label={fromMediaId ? "Loading the image" : "Loading the video to remix"} />
  ) : (
    <VideoForm
      key={`${remixId ?? ""}|${fromMediaId ?? ""}`}
      initial={remixed ? videoValuesFrom(remixed) : DEFAULT_VIDEO_VALUES}
      initialImage={start.data ?? null}
      remixed={Boolean(remixed)}
      notice={notice}
      onCreated={(generation) => results.add(generation.id)}
    />
  );

  return <StudioColumns form={form} results={<VideoResults ids={results.ids} onDismiss={results.remove} onClear={results.clear} />} />;
}
