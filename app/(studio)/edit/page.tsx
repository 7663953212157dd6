import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { EditPageClient } from "./page-client";

export const metadata: Metadata = { title: "Edit" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);

export default async function EditPage({ searchParams }: { searchParams: SearchParams }) {
  const { remix, from } = await searchParams;
  return (
    <>
      <PageHeader title="Edit" description="Upload photos and describe the change you want." />
      <EditPageClient remixId={one(remix)} fromMediaId={one(from)} />
    </>
  );
}
