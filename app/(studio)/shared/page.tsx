import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { SharedList } from "@/components/gallery/share/shared-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("share.page"))("title") };
}

export default async function SharedPage() {
  const t = await getTranslations("share.page");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SharedList />
    </>
  );
}
