/**
 * Renders the price table in emulator/README.md from lib/catalog/prices.ts, so the docs
 * can't drift from what the emulator charges (readme.test.ts compares them).
 * Regenerate: `npx tsx emulator/price-table.ts`, then paste between the markers.
 */
import { pathToFileURL } from "node:url";
import {
  DEFAULT_VIDEO_DURATION,
  IMAGE_MODEL_IDS,
  IMAGE_PRICE_PER_IMAGE,
  IMAGE_SIZE_TIERS,
  MODEL_ALIASES,
  QUALITY_MULTIPLIER,
  VIDEO_MODEL_IDS,
  VIDEO_PRICE_PER_SECOND,
  VIDEO_RESOLUTION_TIERS,
  estimateCredits,
} from "../lib/catalog";

const aliasesOf = (id: string) =>
  Object.entries(MODEL_ALIASES)
    .filter(([, canonical]) => canonical === id)
    .map(([alias]) => `\`${alias}\``)
    .join(", ");

const px = (n: number) => (Number.isFinite(n) ? `≤ ${n.toLocaleString("en-US")} px` : "larger");

export function renderPriceTable(): string {
  const lines: string[] = [];
  lines.push("| Image model | Aliases | Credits per image (1K, medium) | 1024x1024 low / medium / high | 2048x2048 medium |");
  lines.push("|---|---|---|---|---|");
  for (const id of IMAGE_MODEL_IDS) {
    const at = (size: string, quality: "low" | "medium" | "high") => estimateCredits({ kind: "image", model: id, size, quality });
    lines.push(
      `| \`${id}\` | ${aliasesOf(id) || "—"} | ${IMAGE_PRICE_PER_IMAGE[id]} | ${at("1024x1024", "low")} / ${at("1024x1024", "medium")} / ${at("1024x1024", "high")} | ${at("2048x2048", "medium")} |`,
    );
  }
  lines.push("");
  lines.push(`Image size tiers: ${IMAGE_SIZE_TIERS.map((t) => `${t.tier} ${px(t.maxPixels)} ×${t.multiplier}`).join("; ")} (\`auto\` = 1024x1024).`);
  lines.push(`Quality: ${Object.entries(QUALITY_MULTIPLIER).map(([q, m]) => `${q} ×${m}`).join(", ")}. Multiply by \`n\`.`);
  lines.push("");
  lines.push("| Video model | Credits per second (720p) | Default duration | Default cost |");
  lines.push("|---|---|---|---|");
  for (const id of VIDEO_MODEL_IDS) {
    lines.push(`| \`${id}\` | ${VIDEO_PRICE_PER_SECOND[id]} | ${DEFAULT_VIDEO_DURATION[id]} s | ${estimateCredits({ kind: "video", model: id })} |`);
  }
  lines.push("");
  lines.push(`Video resolution tiers: ${VIDEO_RESOLUTION_TIERS.map((t) => `${t.tier} ${px(t.maxPixels)} ×${t.multiplier}`).join("; ")}.`);
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.log(renderPriceTable());
