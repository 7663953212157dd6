import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { Formatter } from "@/lib/format";
import { useFormat } from "@/lib/format/use-format";
import type { GenerationKind, GenerationStatus, GenerationView } from "@/lib/generations/view";
import { QUALITIES } from "@/lib/validation/generation";
import { VIDEO_SIZE_LABEL } from "./generation-format";

type Quality = (typeof QUALITIES)[number];
const isQuality = (q: string): q is Quality => (QUALITIES as readonly string[]).includes(q);

export type StudioTranslator = ReturnType<typeof useTranslations<"studio">>;

/**
 * Words for showing a generation anywhere (result cards, gallery tiles, the detail view),
 * in the reader's language. generation-format.ts keeps the shapes (aspect, cover, remix link).
 */
export function useGenerationText() {
  const t = useTranslations("studio");
  const f = useFormat();
  return useMemo(() => generationText(t, f), [t, f]);
}

/** The same words from any translator of the `studio` namespace and formatter (tests, non-React code). */
export function generationText(t: StudioTranslator, f: Formatter) {
  const kindLabel = (kind: GenerationKind) => t(`kind.${kind}`);
  const statusLabel = (status: GenerationStatus) => t(`status.${status}`);
  const qualityLabel = (q: string) => (isQuality(q) ? t(`qualityValue.${q}`) : q);

  function sizeLabel(g: GenerationView): string | undefined {
    const size = g.params.size;
    if (!size) return undefined;
    if (g.kind === "video") return VIDEO_SIZE_LABEL[size] ?? size;
    return size === "auto" ? t("sizeAuto") : size.replace("x", " × ");
  }

  /** Every parameter worth showing, in reading order, as label/value pairs. */
  function parameterRows(g: GenerationView): { label: string; value: string }[] {
    const type = g.kind === "video" ? (g.inputs.length ? "typeVideoFromImage" : "typeVideoFromText") : g.kind === "edit" ? "typeImageEdit" : "typeImage";
    const rows: { label: string; value: string | undefined }[] = [
      { label: t("facts.type"), value: t(`facts.${type}`) },
      { label: t("facts.model"), value: g.model },
      { label: t("facts.size"), value: sizeLabel(g) },
      { label: t("facts.duration"), value: g.params.duration !== undefined ? f.formatDuration(g.params.duration) : undefined },
      { label: t("facts.quality"), value: g.params.quality ? qualityLabel(g.params.quality) : undefined },
      { label: t("facts.imagesRequested"), value: g.kind !== "video" && g.params.n !== undefined ? f.formatCount(g.params.n) : undefined },
      { label: t("facts.inputImages"), value: g.inputs.length ? f.formatCount(g.inputs.length) : undefined },
      { label: t("facts.madeThrough"), value: g.apiTokenName ? t("facts.madeThroughApi", { name: g.apiTokenName }) : undefined },
    ];
    return rows.flatMap((r) => (r.value ? [{ label: r.label, value: r.value }] : []));
  }

  /** A short name for a generation in buttons and dialogs ("this video", "these 3 images"). */
  function thingName(g: GenerationView): string {
    if (g.kind === "video") return t("thing.video");
    return g.outputs.length > 1 ? t("thing.images", { count: g.outputs.length }) : t("thing.image");
  }

  /** One line under a result's prompt: model, size or length, and what it started from. */
  function detailsLine(g: GenerationView): string {
    const parts = [g.model, g.params.duration ? f.formatDuration(g.params.duration) : null, g.params.size];
    if (g.kind === "video") {
      if (g.inputs.length) parts.push(t("details.fromImage"));
    } else {
      if (g.params.quality && g.params.quality !== "auto") parts.push(t("details.quality", { quality: qualityLabel(g.params.quality).toLowerCase() }));
      if (g.params.n && g.params.n > 1) parts.push(t("details.images", { count: g.params.n }));
      if (g.inputs.length) parts.push(t("details.references", { count: g.inputs.length }));
    }
    return parts.filter(Boolean).join(" · ");
  }

  /** What a generation costs, as far as it is known. */
  function creditsLine(g: GenerationView): string {
    if (g.status === "completed") return t("credits.used", { amount: f.formatCredits(g.credits.cost ?? g.credits.estimated) });
    if (g.status === "failed") return t("credits.notCharged");
    return t("credits.estimated", { amount: f.formatCredits(g.credits.estimated) });
  }

  return { kindLabel, statusLabel, sizeLabel, parameterRows, thingName, detailsLine, creditsLine };
}
