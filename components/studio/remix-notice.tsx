import Link from "next/link";
import { Alert } from "@/components/ui/alert";

/** Tells the person the form was filled from an earlier generation, or that it couldn't be. */
export function RemixNotice({ loaded, freshHref }: { loaded: boolean; freshHref: string }) {
  const fresh = (
    <Link href={freshHref} className="font-medium underline underline-offset-2 hover:no-underline">
      Start fresh
    </Link>
  );
  return loaded ? (
    <Alert tone="info" title="Remixing an earlier generation">
      <p>
        The prompt and settings are filled in. Change anything you like, then submit. {fresh}
      </p>
    </Alert>
  ) : (
    <Alert title="Couldn't load that generation">
      <p>It may have been deleted. You can still start from scratch. {fresh}</p>
    </Alert>
  );
}
