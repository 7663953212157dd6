import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { studioStartParams, type SearchParams } from "@/components/studio/start-params";
import { EditPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("edit"))("title") };
}

export default async function EditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const start = await studioStartParams(searchParams);
  const t = await getTranslations("edit");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EditPageClient {...start} />
    </>
  );
}
