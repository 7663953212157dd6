"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { ApiSnippets } from "@/components/tokens/api-snippets";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { NewTokenNotice } from "@/components/tokens/new-token-notice";
import { TokensList } from "@/components/tokens/tokens-list";
import { useTokens, type CreatedToken } from "@/components/tokens/use-tokens";
import type { ApiTokenView } from "@/lib/api-tokens/view";

export function TokensPageClient({ initial, baseUrl }: { initial: ApiTokenView[]; baseUrl: string }) {
  const t = useTranslations("tokens");
  const { data: tokens } = useTokens(initial);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <div className="flex flex-col gap-6">
      {created ? <NewTokenNotice token={created} onDone={() => setCreated(null)} /> : null}
      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">{t("create")}</h2>
        <CreateTokenForm count={tokens.length} onCreated={setCreated} />
      </Card>
      <section aria-labelledby="tokens-title" className="flex flex-col gap-3">
        <h2 id="tokens-title" className="text-lg font-semibold">
          {t("yours")}
        </h2>
        <TokensList tokens={tokens} />
      </section>
      <Card className="flex flex-col gap-4">
        <div>
          <h2 className="text-lg font-semibold">{t("use")}</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("useIntro")}</p>
        </div>
        <ApiSnippets baseUrl={baseUrl} />
      </Card>
    </div>
  );
}
