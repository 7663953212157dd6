import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { studioStartParams, type SearchParams } from "@/components/studio/start-params";
import { VideoPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("video"))("title") };
}

export default async function VideoPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const start = await studioStartParams(searchParams);
  const t = await getTranslations("video");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <VideoPageClient {...start} />
    </>
  );
}
