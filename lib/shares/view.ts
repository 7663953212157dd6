import type { GenerationKind } from "@/lib/generations/view";

/** Size of the link-preview card (Open Graph's recommended 1.91:1). */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** One of the user's shared generations, as their list of shared items shows it. */
export interface ShareView {
  generationId: string;
  url: string;
  hidePrompt: boolean;
  sharedAt: string;
  prompt: string;
  kind: GenerationKind;
  /** The owner's own thumbnail URL (their list only, never the public page). */
  thumbUrl: string | null;
}

/** What POST /api/generations/{id}/share answers. */
export interface ShareState {
  url: string;
  hidePrompt: boolean;
  sharedAt: string;
}
