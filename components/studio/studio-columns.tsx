import type { ReactNode } from "react";

/**
 * Form beside results on wide screens (form ~400px), stacked with the form first on phones.
 * Results are newest first, so the latest one always sits next to the form.
 */
export function StudioColumns({ form, results }: { form: ReactNode; results: ReactNode }) {
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[400px_minmax(0,1fr)] lg:gap-8">
      <div className="min-w-0">{form}</div>
      {results}
    </div>
  );
}
