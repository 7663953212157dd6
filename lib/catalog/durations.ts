import type { VideoModelId } from "./models";

/** Video lengths, in whole seconds, the studio lets a creator ask for. */
export const VIDEO_DURATION_MIN = 2;
export const VIDEO_DURATION_MAX = 20;
/** What the studio's form starts at. */
export const VIDEO_DURATION_DEFAULT = 5;

/** Duration Pixapi uses when a video request leaves `duration` out. */
export const DEFAULT_VIDEO_DURATION: Readonly<Record<VideoModelId, number>> = Object.freeze({
  veo: 8,
  wan: 5,
  "sora-2": 5,
});
