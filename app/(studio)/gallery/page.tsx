import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { GallerySkeleton } from "@/components/gallery/gallery-grid";
import { PageHeader } from "@/components/shell/page-header";
import { GalleryPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gallery"))("title") };
}

export default async function GalleryPage() {
  const t = await getTranslations("gallery");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {/* The client reads filters from the URL (useSearchParams), which needs a boundary. */}
      <Suspense fallback={<GallerySkeleton />}>
        <GalleryPageClient />
      </Suspense>
    </>
  );
}
