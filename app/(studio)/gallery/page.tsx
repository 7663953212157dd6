import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Gallery" };

export default function GalleryPage() {
  return (
    <>
      <PageHeader title="Gallery" description="Everything you have generated, newest first." />
      <ComingSoon what="The Gallery page" />
    </>
  );
}
