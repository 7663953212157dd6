/**
 * On a phone the results sit under the form, out of sight: bring them into view after a
 * submit so the person sees their generation start. Wide layouts show them side by side.
 */
export function revealResults(): void {
  if (window.matchMedia("(min-width: 1024px)").matches) return;
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  requestAnimationFrame(() => document.getElementById("results-heading")?.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "start" }));
}
