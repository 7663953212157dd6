import type { LedgerEntryView, UsageKind } from "@/lib/usage/views";

export const KIND_LABEL: Record<UsageKind, string> = { image: "Image", edit: "Edit", video: "Video" };

export const STATUS_LABEL: Record<LedgerEntryView["status"], string> = { settled: "Charged", held: "On hold", released: "Released" };

export const SOURCE_LABEL: Record<LedgerEntryView["source"], string> = { estimate: "Estimate", reported: "Reported by Pixapi" };
