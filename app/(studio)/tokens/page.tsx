import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { listTokens } from "@/lib/api-tokens/manage";
import { requireUser } from "@/lib/auth/session";
import { apiBaseUrl } from "@/lib/public-api/origin";
import { TokensPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tokens"))("title") };
}

export default async function TokensPage() {
  const user = await requireUser("/tokens");
  const tokens = await listTokens({ userId: user.id });
  const t = await getTranslations("tokens");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <TokensPageClient initial={tokens} baseUrl={apiBaseUrl()} />
    </>
  );
}
