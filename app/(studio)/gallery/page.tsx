import type { Metadata } from "next";
import { Suspense } from "react";
import { GallerySkeleton } from "@/components/gallery/gallery-grid";
import { PageHeader } from "@/components/shell/page-header";
import { GalleryPageClient } from "./page-client";

export const metadata: Metadata = { title: "Gallery" };

export default function GalleryPage() {
  return (
    <>
      <PageHeader title="Gallery" description="Everything you have generated, newest first." />
      {/* The client reads filters from the URL (useSearchParams), which needs a boundary. */}
      <Suspense fallback={<GallerySkeleton />}>
        <GalleryPageClient />
      </Suspense>
    </>
  );
}
