import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { SharedList } from "@/components/gallery/share/shared-list";

export const metadata: Metadata = { title: "Shared links" };

export default function SharedPage() {
  return (
    <>
      <PageHeader title="Shared links" description="Results anyone with the link can see. Switch one off and its link stops working at once." />
      <SharedList />
    </>
  );
}
