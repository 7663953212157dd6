import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { GeneratePageClient } from "./page-client";

export const metadata: Metadata = { title: "Generate" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function GeneratePage({ searchParams }: { searchParams: SearchParams }) {
  const { remix } = await searchParams;
  return (
    <>
      <PageHeader title="Generate" description="Create images from a text prompt." />
      <GeneratePageClient remixId={typeof remix === "string" && remix ? remix : undefined} />
    </>
  );
}
