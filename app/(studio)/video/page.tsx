import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Video" };

export default function VideoPage() {
  return (
    <>
      <PageHeader title="Video" description="Turn a prompt, or an image, into a short video." />
      <ComingSoon what="The Video page" />
    </>
  );
}
