"use client";

import clsx from "clsx";
import { Star } from "lucide-react";
import { useTranslations } from "next-intl";
import type { GenerationTileView } from "@/lib/generations/view";
import { useFavorite } from "./use-collections";

/**
 * The star: a toggle button (aria-pressed) named "Favorite"; on a tile it sits in the item's
 * list entry, next to the button named for the prompt. `overlay` is the small round one on tiles.
 */
export function FavoriteButton({ generation: g, variant = "inline", className }: { generation: Pick<GenerationTileView, "id" | "favorite">; variant?: "inline" | "overlay"; className?: string }) {
  const t = useTranslations("collections");
  const favorite = useFavorite();
  const on = g.favorite;
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-label={t("favorite")}
      title={on ? t("removeFavorite") : t("addFavorite")}
      onClick={(event) => {
        event.stopPropagation();
        favorite.mutate({ id: g.id, favorite: !on });
      }}
      className={clsx(
        "inline-flex items-center justify-center transition-colors",
        variant === "overlay"
          ? "h-8 w-8 rounded-full bg-black/55 text-white backdrop-blur-sm hover:bg-black/75"
          : "h-9 w-9 rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
        on && (variant === "overlay" ? "text-amber-300" : "text-amber-500 dark:text-amber-400"),
        className,
      )}
    >
      <Star aria-hidden size={variant === "overlay" ? 16 : 18} fill={on ? "currentColor" : "none"} strokeWidth={1.8} />
    </button>
  );
}
