/** Image qualities, in the order the studio offers them. `auto` renders (and bills) as `medium`. */
export const IMAGE_QUALITIES = ["auto", "low", "medium", "high"] as const;
export type ImageQuality = (typeof IMAGE_QUALITIES)[number];
