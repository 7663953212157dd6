import { Alert } from "@/components/ui/alert";

/**
 * Shown on /usage?reason=insufficient_credits, where a generation that failed because the
 * studio's own Pixapi account ran dry links to. That balance is the studio's, not the
 * user's allowance: explain the difference and what happens next.
 */
export function InsufficientCreditsNotice() {
  return (
    <Alert tone="info" title="The studio's Pixapi account is out of credits">
      <p>
        Generations run on the studio&apos;s shared Pixapi account, and that account has run out of credits, so new images and
        videos can&apos;t be made right now. This is not your own allowance: the figures below are yours, and a generation that
        failed for this reason was not charged to you (its hold was released).
      </p>
      <p className="mt-1.5">An administrator needs to top up the Pixapi account. Once they do, generating works again; there is nothing to change on your side.</p>
    </Alert>
  );
}
