import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { studioStartParams, type SearchParams } from "@/components/studio/start-params";
import { GeneratePageClient } from "./page-client";

export const metadata: Metadata = { title: "Generate" };

export default async function GeneratePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const start = await studioStartParams(searchParams);
  return (
    <>
      <PageHeader title="Generate" description="Create images from a text prompt." />
      <GeneratePageClient remixId={start.remixId} />
    </>
  );
}
