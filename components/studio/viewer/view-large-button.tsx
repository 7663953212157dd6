"use client";

import clsx from "clsx";
import { Maximize2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { GenerationTileView } from "@/lib/generations/view";
import { useOpenViewer } from "./viewer-scope";

/**
 * Opens the viewer on one output from places where a click already means something else
 * (a gallery tile opens the detail view, a video plays): a small round button. Renders
 * nothing outside a ViewerScope or before the generation has an output.
 */
export function ViewLargeButton({ generation: g, mediaId, label, className }: { generation: GenerationTileView; mediaId?: string; label: string; className?: string }) {
  const t = useTranslations("viewer");
  const openViewer = useOpenViewer();
  const output = mediaId ? g.outputs.find((o) => o.id === mediaId) : g.outputs[0];
  if (!openViewer || !output || g.status !== "completed") return null;
  return (
    <button
      type="button"
      aria-label={label}
      aria-haspopup="dialog"
      title={t("viewLarge")}
      onClick={(event) => {
        event.stopPropagation();
        openViewer(output.id, g);
      }}
      className={clsx("inline-flex h-8 w-8 items-center justify-center rounded-full bg-black/55 text-white backdrop-blur-sm transition-colors hover:bg-black/75", className)}
    >
      <Maximize2Icon aria-hidden size={15} strokeWidth={2} />
    </button>
  );
}
