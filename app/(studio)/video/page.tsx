import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { VideoPageClient } from "./page-client";

export const metadata: Metadata = { title: "Video" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

export default async function VideoPage({ searchParams }: { searchParams: SearchParams }) {
  const { remix, from } = await searchParams;
  return (
    <>
      <PageHeader title="Video" description="Turn a prompt, or an image, into a short video." />
      <VideoPageClient remixId={one(remix)} fromMediaId={one(from)} />
    </>
  );
}
