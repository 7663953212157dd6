import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Edit" };

export default function EditPage() {
  return (
    <>
      <PageHeader title="Edit" description="Upload photos and describe the change you want." />
      <ComingSoon what="The Edit page" />
    </>
  );
}
