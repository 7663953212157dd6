import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { studioStartParams, type SearchParams } from "@/components/studio/start-params";
import { VideoPageClient } from "./page-client";

export const metadata: Metadata = { title: "Video" };

export default async function VideoPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const start = await studioStartParams(searchParams);
  return (
    <>
      <PageHeader title="Video" description="Turn a prompt, or an image, into a short video." />
      <VideoPageClient {...start} />
    </>
  );
}
