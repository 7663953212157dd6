import type { MetadataRoute } from "next";

/** Lets the studio be installed as an app; the icons are app/icon.png and app/apple-icon.png. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Pixapi Studio",
    short_name: "Pixapi",
    description: "Generate and edit images and videos with Pixapi.",
    start_url: "/generate",
    display: "standalone",
    background_color: "#09090b",
    theme_color: "#7c5cf5",
    icons: [
      { src: "/icon.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/apple-icon.png", sizes: "180x180", type: "image/png" },
    ],
  };
}
