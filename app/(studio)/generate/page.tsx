import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Generate" };

export default function GeneratePage() {
  return (
    <>
      <PageHeader title="Generate" description="Create images from a text prompt." />
      <ComingSoon what="The Generate page" />
    </>
  );
}
