import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { UsersList } from "@/components/admin/users-list";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listAdminUsers } from "@/lib/admin/users";
import { formatterFor } from "@/lib/format";
import { parseLocale } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const user = await requireUser("/admin");
  const t = await getTranslations("admin");
  if (user.role !== "admin") {
    return (
      <>
        <PageHeader title={t("title")} />
        <Alert title={t("onlyTitle")}>{t("onlyBody")}</Alert>
      </>
    );
  }
  const data = await listAdminUsers({ currentUserId: user.id });
  const fallback = env().DEFAULT_ALLOWANCE_CREDITS;
  const f = formatterFor(parseLocale(await getLocale()) ?? "en");
  const period = t(`period.${data.period}`);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", {
          period,
          day: f.formatUtcDay(data.resetsAt, true),
          allowance: fallback === null ? t("unlimited") : t("perPeriod", { amount: f.formatCredits(fallback), period }),
        })}
      />
      <Card className="px-0 py-4">
        <UsersList initialData={data} />
      </Card>
    </>
  );
}
