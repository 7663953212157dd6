import type { ReactNode } from "react";
import type { GenerationView } from "@/lib/generations/view";

/**
 * The media slot of a result card: everything that differs between an image result and a
 * video result. The card itself (prompt, status, progress, errors, credits, Remix) is the
 * same for every kind.
 */
export interface ResultMedia {
  /** The card's name in its accessible label and messages ("Result", "Video"). */
  noun: string;
  progressLabel: string;
  progressText: (g: GenerationView) => string;
  /** Where the output will appear, at its final shape, while the generation runs. */
  placeholder: (g: GenerationView) => ReactNode;
  /** The finished output. */
  output: (g: GenerationView) => ReactNode;
  /** Links in the footer besides Remix. */
  actions?: (g: GenerationView) => ReactNode;
  /** The footer's second fact after the credits (when it was made, how long it took). */
  footnote: (g: GenerationView) => string | null;
}
