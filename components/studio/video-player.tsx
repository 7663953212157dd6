import clsx from "clsx";
import type { MediaView } from "@/lib/generations/view";

/**
 * A finished video with the browser's own controls (keyboard and screen-reader friendly),
 * its poster shown until play, and its final shape reserved before any byte arrives.
 * playsInline keeps iPhones from jumping to full screen on play.
 */
export function VideoPlayer({ media, label, className }: { media: MediaView; label: string; className?: string }) {
  return (
    <video
      controls
      playsInline
      preload="metadata"
      src={media.url}
      poster={media.thumbUrl}
      width={media.width}
      height={media.height}
      aria-label={label}
      className={clsx("block h-auto w-full bg-black", className)}
      style={{ aspectRatio: `${media.width} / ${media.height}` }}
    />
  );
}
