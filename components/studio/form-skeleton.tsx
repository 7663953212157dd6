import { Card } from "@/components/ui/card";

/** Holds the form's place while what it is prefilled from (a remix, an image) loads. */
export function FormSkeleton({ label }: { label: string }) {
  return (
    <Card className="p-5 sm:p-6" role="status" aria-label={label}>
      <div className="flex animate-pulse flex-col gap-5 motion-reduce:animate-none" aria-hidden>
        {[112, 40, 40, 40, 40].map((h, i) => (
          <div key={i} className="flex flex-col gap-2">
            <div className="h-3.5 w-24 rounded bg-zinc-200 dark:bg-zinc-800" />
            <div className="rounded-md bg-zinc-100 dark:bg-zinc-800/60" style={{ height: h }} />
          </div>
        ))}
        <div className="h-11 rounded-md bg-zinc-200 dark:bg-zinc-800" />
      </div>
    </Card>
  );
}
