import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { listTokens } from "@/lib/api-tokens/manage";
import { requireUser } from "@/lib/auth/session";
import { apiBaseUrl } from "@/lib/public-api/origin";
import { TokensPageClient } from "./page-client";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requireUser("/tokens");
  const tokens = await listTokens({ userId: user.id });
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Call the studio from your own scripts with Pixapi’s API: same models, your budget, results in your gallery."
      />
      <TokensPageClient initial={tokens} baseUrl={apiBaseUrl()} />
    </>
  );
}
