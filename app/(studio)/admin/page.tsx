import type { Metadata } from "next";
import { UsersList } from "@/components/admin/users-list";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listAdminUsers } from "@/lib/admin/users";
import { formatCredits, formatUtcDay } from "@/lib/format";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const user = await requireUser("/admin");
  if (user.role !== "admin") {
    return (
      <>
        <PageHeader title="Admin" />
        <Alert title="Administrators only">Only studio administrators can see this page.</Alert>
      </>
    );
  }
  const data = await listAdminUsers({ currentUserId: user.id });
  const fallback = env().DEFAULT_ALLOWANCE_CREDITS;
  return (
    <>
      <PageHeader
        title="Admin"
        description={`Accounts and their spend this ${data.period} (UTC; resets ${formatUtcDay(data.resetsAt, true)}). Default allowance: ${fallback === null ? "unlimited" : `${formatCredits(fallback)} per ${data.period}`}.`}
      />
      <Card className="px-0 py-4">
        <UsersList initialData={data} />
      </Card>
    </>
  );
}
