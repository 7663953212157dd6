import { Alert } from "@/components/ui/alert";

/** The model list failed to load: say so and offer a retry (the form can't submit without it). */
export function ModelsError({ onRetry }: { onRetry: () => void }) {
  return (
    <Alert title="Couldn't load the model list">
      <p>
        The studio couldn&apos;t get the list of models from Pixapi.{" "}
        <button type="button" onClick={onRetry} className="font-medium underline underline-offset-2 hover:no-underline">
          Try again
        </button>
      </p>
    </Alert>
  );
}
