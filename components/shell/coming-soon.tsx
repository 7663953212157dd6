import { Card } from "@/components/ui/card";

/** Honest placeholder for a studio area whose feature has not been built yet. */
export function ComingSoon({ what }: { what: string }) {
  return (
    <Card className="text-center">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{what} is not built yet. It arrives in a coming release of the studio.</p>
    </Card>
  );
}
