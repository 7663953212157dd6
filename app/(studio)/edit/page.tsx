import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { studioStartParams, type SearchParams } from "@/components/studio/start-params";
import { EditPageClient } from "./page-client";

export const metadata: Metadata = { title: "Edit" };

export default async function EditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const start = await studioStartParams(searchParams);
  return (
    <>
      <PageHeader title="Edit" description="Upload photos and describe the change you want." />
      <EditPageClient {...start} />
    </>
  );
}
