import type { ReactNode } from "react";
import type { Formatter } from "@/lib/format";
import type { GenerationView } from "@/lib/generations/view";

/** The progress words a card may show (studio.media.* in the catalogs). */
export type ProgressWord = "starting" | "working" | "queued";

/**
 * The media slot of a result card: everything that differs between an image result and a
 * video result. The card itself (prompt, status, progress, errors, credits, Remix) is the
 * same for every kind.
 */
export interface ResultMedia {
  /** Which words the card uses (studio.media.image / .video: its name, its progress bar's label). */
  words: "image" | "video";
  /** The text beside the progress bar: a percentage, or a word while there is none. */
  progressText: (g: GenerationView, word: (w: ProgressWord) => string) => string;
  /** Where the output will appear, at its final shape, while the generation runs. */
  placeholder: (g: GenerationView) => ReactNode;
  /** The finished output. */
  output: (g: GenerationView) => ReactNode;
  /** Links in the footer besides Remix. */
  actions?: (g: GenerationView) => ReactNode;
  /** The footer's second fact after the credits (when it was made, how long it took). */
  footnote: (g: GenerationView, f: Formatter, took: (time: string) => string) => string | null;
}
