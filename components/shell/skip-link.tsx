/**
 * The first stop of the Tab key on every page: jumps past the header to <main id="main">.
 * Hidden until focused, then shown above everything.
 */
export function SkipLink({ label, target = "main" }: { label: string; target?: string }) {
  return (
    <a
      href={`#${target}`}
      className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-accent-700 shadow-lg ring-2 ring-accent-500 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900 dark:text-accent-400"
    >
      {label}
    </a>
  );
}
