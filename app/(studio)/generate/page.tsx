import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { studioStartParams, type SearchParams } from "@/components/studio/start-params";
import { GeneratePageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("generate"))("title") };
}

export default async function GeneratePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const start = await studioStartParams(searchParams);
  const t = await getTranslations("generate");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <GeneratePageClient remixId={start.remixId} />
    </>
  );
}
